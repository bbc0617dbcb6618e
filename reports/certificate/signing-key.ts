/**
 * Where the signing key comes from: a PEM file (`--sign-key`), the PEM itself in IJW_SIGN_KEY,
 * or a file named by IJW_SIGN_KEY_FILE; never the key on the command line, where it would show
 * in the process list and the shell history.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { privateKeyFromPem } from './dsse.ts';
import { CertificateError } from './errors.ts';

export const SIGN_KEY_ENV = 'IJW_SIGN_KEY';
export const SIGN_KEY_FILE_ENV = 'IJW_SIGN_KEY_FILE';

export function loadSigningKey(file: string | undefined, env: NodeJS.ProcessEnv = process.env): KeyObject {
  const path = file ?? env[SIGN_KEY_FILE_ENV];
  if (path) {
    if (!existsSync(path)) throw new CertificateError('BAD_KEY', `The signing key file ${path} does not exist`);
    return privateKeyFromPem(readFileSync(path, 'utf8'), path);
  }
  const pem = env[SIGN_KEY_ENV];
  if (pem) return privateKeyFromPem(pem, `$${SIGN_KEY_ENV}`);
  throw new CertificateError('BAD_KEY', `--certificate needs a signing key: --sign-key <pem file>, or $${SIGN_KEY_FILE_ENV} (a file) or $${SIGN_KEY_ENV} (the PEM). Create one with: openssl genpkey -algorithm ed25519 -out region.key`);
}
