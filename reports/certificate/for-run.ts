/**
 * The glue between `npm run conformance -- --certificate …` and the certificate modules: before
 * the run, load the key and refuse what cannot be certified (so nothing runs for minutes in
 * vain); after it, issue the certificate and refresh `latest/`.
 *
 * @example
 *   const plan = prepareCertificate({ ...cliOptions, root: ROOT, harnessVersion });
 *   if ('refused' in plan) exit(4);
 *   const issued = await plan.issue(result.runDir, { imageDigest });
 */
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assertCertifiable, refusalsBeforeRun } from './eligibility.ts';
import { CertificateError } from './errors.ts';
import { issueCertificate, type Issued } from './issue.ts';
import { loadSigningKey } from './signing-key.ts';
import { catalogueState, gitState } from './suite-state.ts';

export interface CertificateRequest {
  certificate: string;
  signKey?: string | undefined;
  root: string;
  harnessVersion: string;
  /** `--out`: `latest/` beneath it is refreshed once the report names the certificate. */
  out: string;
  sut?: string | undefined;
  sutImage?: string | undefined;
  sutImageTar?: string | undefined;
  sutVendor?: string | undefined;
  sutName?: string | undefined;
  sutVersion?: string | undefined;
  tags?: string | undefined;
  fault?: string[] | undefined;
  mask: boolean;
  /** The options that shape the verdict, as the certificate records them. */
  options: Record<string, unknown>;
}

export type CertificatePlan =
  | { refused: string }
  | { issue: (runDir: string, found?: { imageDigest?: string; repoDigests?: string[] }) => Promise<Issued> };

export function prepareCertificate(r: CertificateRequest): CertificatePlan {
  const key = loadSigningKey(r.signKey);
  const reference = !(r.sut || r.sutImage || r.sutImageTar);
  if (!reference && (!r.sutName || !r.sutVersion)) throw new CertificateError('USAGE', '--certificate needs --sut-name and --sut-version (and --sut-vendor): the certificate names the system it certifies');
  const git = gitState(r.root);
  const catalogue = catalogueState(r.root);
  const reasons = refusalsBeforeRun({ tags: r.tags, faults: r.fault }, git, catalogue);
  try {
    assertCertifiable(reasons);
  } catch (e) {
    return { refused: (e as Error).message };
  }
  const commit = git.checkout ? git.commit : '';
  return {
    issue: async (runDir, found = {}) => {
      const issued = await issueCertificate({
        runDir,
        outFile: resolve(r.certificate),
        key,
        suite: { version: r.harnessVersion, commit, catalogue },
        sut: reference
          ? { vendor: r.sutVendor ?? 'ijw-conformance', name: r.sutName ?? 'reference implementation', version: r.sutVersion ?? r.harnessVersion }
          : { vendor: r.sutVendor ?? '', name: r.sutName!, version: r.sutVersion!, ...found },
        options: r.options,
        maskBsn: r.mask,
      });
      // latest/ was copied before the report named the certificate.
      const latest = join(resolve(r.out), 'latest');
      rmSync(latest, { recursive: true, force: true });
      cpSync(runDir, latest, { recursive: true });
      return issued;
    },
  };
}
