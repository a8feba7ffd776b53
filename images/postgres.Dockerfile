# PostgreSQL 15 from Debian bookworm on the local base: the appliance's database, built without a registry
# (in place of the postgres:15 Hub image). First start: images/postgres-entrypoint.sh makes the cluster, the
# database and the application's own login role (not a superuser).
ARG BASE=localhost/debian:bookworm-slim
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data /run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /run/postgresql \
 && chmod 0700 /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY images/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint
USER postgres
EXPOSE 5432
VOLUME /var/lib/postgresql/data
# Postgres's "fast" shutdown: open transactions roll back, then a clean checkpoint.
STOPSIGNAL SIGINT
HEALTHCHECK --interval=3s --timeout=3s --start-period=30s --retries=10 \
  CMD pg_isready -h 127.0.0.1 -q || exit 1
ENTRYPOINT ["postgres-entrypoint"]
CMD ["postgres"]
