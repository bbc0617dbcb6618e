# The ijw-conformance harness as a container: the conformance command, the simulator server
# and the other npm scripts. See docs/CONTAINERS.md.
#
#   docker build -t ijw-conformance .
#   docker run --rm -v "$PWD/reports:/app/reports/out" ijw-conformance conformance -- --region alkmaar
#   docker run --rm -p 7070:7070 ijw-conformance simulate -- --region alkmaar --as gemeente --host 0.0.0.0 --port 7070
#
# Certifying a SUT image from inside this container needs the engine's socket and the host's
# network (the SUT container reaches the harness inbox through the host):
#   docker run --rm --network host -v /var/run/docker.sock:/var/run/docker.sock \
#     -e TESTCONTAINERS_RYUK_DISABLED=true -v "$PWD/reports:/app/reports/out" \
#     ijw-conformance conformance -- --region alkmaar --role aanbieder --sut-image vendor/app:1.4
FROM node:24-slim

ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app
COPY package.json package-lock.json ./
# Full install: the npm scripts run TypeScript on the pinned Node (the `node` package, a dev
# dependency) with its own type stripping; `conformance` still through tsx, a dev dependency too.
RUN npm ci --include=dev && npm cache clean --force
COPY . .
RUN mkdir -p reports/out && chown -R node:node reports

# The image's own unprivileged user. (With --sut-image and a mounted docker.sock, run with
# --user root or add the socket's group: `--group-add $(stat -c %g /var/run/docker.sock)`.)
USER node
EXPOSE 7070
ENTRYPOINT ["npm", "run", "--silent"]
CMD ["conformance", "--", "--help"]
