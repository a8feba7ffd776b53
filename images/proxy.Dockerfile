# The TLS reverse proxy in front of the API: Caddy 2 from Debian bookworm, on the local base. It serves the
# certificate the one-shot `certs` job leaves in the certs volume (an internal CA's, or the customer's) and
# redirects HTTP to HTTPS. openssl is here for that job (images/make-certs.sh), which runs on this image.
ARG BASE=localhost/debian:bookworm-slim
FROM ${BASE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends caddy openssl curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --gid 10002 proxy-tls \
 && useradd --uid 10002 --gid 10002 --home-dir /var/lib/caddy --create-home --shell /usr/sbin/nologin proxy-tls \
 && mkdir -p /certs /var/lib/caddy/.config /var/lib/caddy/.local \
 && chown -R 10002:10002 /certs /var/lib/caddy
COPY images/Caddyfile /etc/caddy/Caddyfile
COPY images/make-certs.sh /usr/local/bin/make-certs
ENV HOME=/var/lib/caddy XDG_CONFIG_HOME=/var/lib/caddy/.config XDG_DATA_HOME=/var/lib/caddy/.local
USER 10002:10002
EXPOSE 8443 8080
VOLUME /certs
# -k: the certificate may be the customer's, for a name that is not 127.0.0.1; this checks the proxy and the API
# answer, not who the certificate names.
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=5 \
  CMD curl -fsSk -o /dev/null https://127.0.0.1:8443/healthz || exit 1
ENTRYPOINT ["caddy"]
CMD ["run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
