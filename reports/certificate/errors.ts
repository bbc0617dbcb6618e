/** Typed errors of the certificate modules: each code names what does not hold, for messages and exit codes. */
export type CertificateErrorCode =
  /** The signing key is missing, unreadable or not Ed25519. */
  | 'BAD_KEY'
  /** The run is not one the suite certifies (a `--tags` subset, faulty variants, a verdict other than conformant, a changed suite). */
  | 'NOT_CERTIFIABLE'
  /** The envelope is not a DSSE envelope of an in-toto statement of ours. */
  | 'BAD_ENVELOPE'
  /** No signature verifies with the public key given. */
  | 'BAD_SIGNATURE'
  /** The statement's content is not what a certificate states. */
  | 'BAD_STATEMENT'
  /** A report file is missing or its SHA-256 differs from the certificate's. */
  | 'FILE_MISMATCH'
  | 'USAGE';

export class CertificateError extends Error {
  readonly code: CertificateErrorCode;
  constructor(code: CertificateErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'CertificateError';
  }
}
