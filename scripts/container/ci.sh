#!/usr/bin/env bash
# The container part of CI, for .ci/run to call: start a private dockerd, build the SUT
# images FROM scratch, run the container tests, and always stop the engine again.
#
#   bash scripts/container/ci.sh            # exit code: the tests'
#
# Images built: $IJW_TEST_SUT_IMAGE (the stand-in, default ijw-conformance/stand-in-sut:test)
# and, when cli/simulate.ts bundles, ijw-conformance/reference-aanbieder:ci and
# ijw-conformance/reference-aanbieder-faulty:ci (fault $IJW_CI_FAULT, if set) for the
# end-to-end --sut-image tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"

trap 'scripts/container/dockerd.sh stop || true' EXIT
eval "$(scripts/container/dockerd.sh start)"
export IJW_TEST_SUT_IMAGE="${IJW_TEST_SUT_IMAGE:-ijw-conformance/stand-in-sut:test}"

scripts/container/build-sut-image.sh "$IJW_TEST_SUT_IMAGE" scripts/container/stand-in-sut.ts --port 8080
if node_modules/.bin/esbuild cli/simulate.ts --bundle --platform=node --format=esm --outfile=/dev/null --log-level=silent; then
  scripts/container/build-sut-image.sh ijw-conformance/reference-aanbieder:ci cli/simulate.ts \
    --region alkmaar --as aanbieder --host 0.0.0.0 --port 8080
  if [[ -n "${IJW_CI_FAULT:-}" ]]; then
    scripts/container/build-sut-image.sh ijw-conformance/reference-aanbieder-faulty:ci cli/simulate.ts \
      --region alkmaar --as aanbieder --host 0.0.0.0 --port 8080 --fault "$IJW_CI_FAULT"
  fi
else
  echo "ci.sh: cli/simulate.ts does not bundle yet; only the stand-in image was built" >&2
fi

vitest run runner/container
