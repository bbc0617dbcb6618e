#!/usr/bin/env bash
# Build a container image FROM scratch that runs one TypeScript entry point: the pinned Node
# binary (node_modules/node), the shared libraries and dynamic loader it needs, and the entry
# bundled into a single ESM file by esbuild. No base image is pulled.
#
#   scripts/container/build-sut-image.sh <tag> <entry.ts> [args...]
#
#   scripts/container/build-sut-image.sh ijw/stand-in:test scripts/container/stand-in-sut.ts --port 8080
#   scripts/container/build-sut-image.sh ijw/reference-aanbieder:dev cli/simulate.ts \
#       --region alkmaar --as aanbieder --host 0.0.0.0 --port 8080
#
# The args become the ENTRYPOINT's arguments (after the bundle). The program must listen on
# 0.0.0.0 and handle SIGTERM (it runs as PID 1).
#
# Environment:
#   IJW_SUT_PORT       port to EXPOSE (default: the value of --port in args, else 8080)
#   IJW_SUT_EXTERNAL   comma list of npm packages to leave out of the bundle and copy whole
#                      from node_modules (for packages that load files at run time, e.g.
#                      xmllint-wasm); list their dependencies too
#   IJW_SUT_IMAGE_TAR  also `docker save` the image to this file
#   IJW_SUT_USER       uid:gid to run as (default 65532:65532, non-root)
#   DOCKER_HOST        the engine to build with (see dockerd.sh)
set -euo pipefail

if (( $# < 2 )); then
  echo "usage: $0 <tag> <entry.ts> [args...]" >&2; exit 2
fi
TAG="$1"; ENTRY="$2"; shift 2
ARGS=("$@")

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODE_BIN="$REPO/node_modules/node/bin/node"
ESBUILD="$REPO/node_modules/.bin/esbuild"
[[ -x "$NODE_BIN" ]] || { echo "build-sut-image: $NODE_BIN missing: run npm ci" >&2; exit 1; }
[[ -x "$ESBUILD" ]] || { echo "build-sut-image: $ESBUILD missing: run npm ci" >&2; exit 1; }
[[ -f "$ENTRY" ]] || { echo "build-sut-image: entry $ENTRY not found" >&2; exit 1; }
command -v docker >/dev/null || { echo "build-sut-image: docker client missing (apt-get install docker.io)" >&2; exit 1; }

PORT="${IJW_SUT_PORT:-}"
if [[ -z "$PORT" ]]; then
  for ((i = 0; i < ${#ARGS[@]}; i++)); do
    case "${ARGS[$i]}" in
      --port) PORT="${ARGS[$((i + 1))]:-}" ;;
      --port=*) PORT="${ARGS[$i]#--port=}" ;;
    esac
  done
fi
PORT="${PORT:-8080}"
USER_ID="${IJW_SUT_USER:-65532:65532}"

CTX="$(mktemp -d /tmp/ijw-sut-image.XXXXXX)"
trap 'rm -rf "$CTX"' EXIT
ROOTFS="$CTX/rootfs"
mkdir -p "$ROOTFS/app" "$ROOTFS/tmp" "$ROOTFS/etc" "$ROOTFS/usr/local/bin"
chmod 1777 "$ROOTFS/tmp"

t0=$(date +%s%N)

# 1. The bundle. A CommonJS dependency inside an ESM bundle calls require() for Node's
#    built-ins, and some use __dirname/__filename: the banner provides them (the free
#    identifiers are renamed by --define, so a module declaring its own never clashes).
EXTERNAL_FLAGS=()
IFS=',' read -r -a EXTERNALS <<<"${IJW_SUT_EXTERNAL:-}"
for pkg in "${EXTERNALS[@]}"; do
  [[ -n "$pkg" ]] || continue
  EXTERNAL_FLAGS+=("--external:$pkg" "--external:$pkg/*")
  mkdir -p "$ROOTFS/app/node_modules/$(dirname "$pkg")"
  cp -a "$REPO/node_modules/$pkg" "$ROOTFS/app/node_modules/$pkg"
done
"$ESBUILD" "$ENTRY" --bundle --platform=node --format=esm --target=node24 \
  --outfile="$ROOTFS/app/main.mjs" --log-level=warning --legal-comments=none \
  "${EXTERNAL_FLAGS[@]}" \
  --define:__filename=__ijw_filename --define:__dirname=__ijw_dirname \
  --banner:js="import { createRequire as __ijwRequire } from 'node:module'; import { fileURLToPath as __ijwPath } from 'node:url'; const require = __ijwRequire(import.meta.url); const __ijw_filename = __ijwPath(import.meta.url); const __ijw_dirname = __ijwPath(new URL('.', import.meta.url));"

# 1b. The region packs (regions/<id>/: profile.yaml, rules.md, variants.yaml, features): the
#     bundle loads them at run time (regions/packs.ts), from IJW_REGION_PACKS since the bundle no
#     longer sits beside them.
mkdir -p "$ROOTFS/app/regions"
for pack in "$REPO"/regions/*/; do
  [[ -f "$pack/profile.yaml" ]] && cp -a "$pack" "$ROOTFS/app/regions/"
done

# 2. Node and what the dynamic linker needs to start it.
cp "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
ldd "$NODE_BIN" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u | while read -r lib; do
  mkdir -p "$ROOTFS$(dirname "$lib")"
  cp -L "$lib" "$ROOTFS$lib"
done
# ldd lists the dynamic loader by the path the binary asks for (/lib64/ld-linux-x86-64.so.2 on
# x86_64); cp -L copies what a symlink there points to.

# 3. Minimal /etc so the non-root user has a name and name lookups work.
uid="${USER_ID%%:*}"; gid="${USER_ID##*:}"
printf 'root:x:0:0:root:/:/sbin/nologin\nsut:x:%s:%s:sut:/tmp:/sbin/nologin\n' "$uid" "$gid" >"$ROOTFS/etc/passwd"
printf 'root:x:0:\nsut:x:%s:\n' "$gid" >"$ROOTFS/etc/group"
printf 'hosts: files dns\n' >"$ROOTFS/etc/nsswitch.conf"

# 4. The image.
json_args=$("$NODE_BIN" -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- /usr/local/bin/node --max-semi-space-size=16 /app/main.mjs "${ARGS[@]}")
cat >"$CTX/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
ENV NODE_ENV=production
ENV IJW_REGION_PACKS=/app/regions
WORKDIR /app
USER $USER_ID
EXPOSE $PORT
LABEL org.opencontainers.image.title="ijw-conformance SUT: $(basename "$ENTRY")"
ENTRYPOINT $json_args
EOF

# The classic builder: the engine from Debian's docker.io has no BuildKit plugin here.
if ! DOCKER_BUILDKIT=0 docker build -q -t "$TAG" "$CTX" >"$CTX/build.log" 2>&1; then
  echo "build-sut-image: docker build failed:" >&2; cat "$CTX/build.log" >&2; exit 1
fi
t1=$(date +%s%N)
echo "build-sut-image: built $TAG ($(docker image inspect -f '{{.Size}}' "$TAG" | awk '{ printf "%.0f MB", $1 / 1e6 }')) in $(( (t1 - t0) / 1000000 )) ms; entrypoint: node --max-semi-space-size=16 /app/main.mjs ${ARGS[*]}; port $PORT" >&2

if [[ -n "${IJW_SUT_IMAGE_TAR:-}" ]]; then
  docker save -o "$IJW_SUT_IMAGE_TAR" "$TAG"
  echo "build-sut-image: saved to $IJW_SUT_IMAGE_TAR" >&2
fi
