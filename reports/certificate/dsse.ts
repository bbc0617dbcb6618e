/**
 * DSSE (Dead Simple Signing Envelope, github.com/secure-systems-lab/dsse, protocol v1): the
 * signature is over PAE(payloadType, payload), never over a JSON re-serialisation, so any
 * verifier that implements the spec checks our certificates byte for byte. Ed25519 through
 * node:crypto; a key is named by the SHA-256 of its public key (SubjectPublicKeyInfo, DER).
 *
 * @example
 *   const env = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(json), privateKey);
 *   verifyEnvelope(env, publicKey); // the payload bytes, or a CertificateError
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CertificateError } from './errors.ts';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseSignature {
  keyid: string;
  sig: string;
}

export interface DsseEnvelope {
  payloadType: string;
  /** Base64 of the payload bytes. */
  payload: string;
  signatures: DsseSignature[];
}

/** Pre-Authentication Encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes as ASCII decimal. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type, Buffer.from(` ${payload.length} `, 'utf8'), payload]);
}

/** The key's fingerprint: lower-case hex SHA-256 of its SubjectPublicKeyInfo (DER). Also the DSSE keyid. */
export function keyFingerprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** Reads an Ed25519 private key from PEM (PKCS#8, as `openssl genpkey -algorithm ed25519` writes it). */
export function privateKeyFromPem(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new CertificateError('BAD_KEY', `${where} is not a PEM private key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CertificateError('BAD_KEY', `${where} is a ${key.asymmetricKeyType} key; certificates are signed with Ed25519 (openssl genpkey -algorithm ed25519)`);
  return key;
}

/** An Ed25519 public key from a PEM file (a command's --public-key); USAGE when there is no such file. */
export function publicKeyFromFile(file: string): KeyObject {
  if (!existsSync(file)) throw new CertificateError('USAGE', `${file} does not exist`);
  return publicKeyFromPem(readFileSync(file, 'utf8'), file);
}

/** Reads an Ed25519 public key from PEM (SPKI, `openssl pkey -pubout`); a private key gives its public half. */
export function publicKeyFromPem(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (e) {
    throw new CertificateError('BAD_KEY', `${where} is not a PEM public key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new CertificateError('BAD_KEY', `${where} is a ${key.asymmetricKeyType} key; certificates are signed with Ed25519`);
  return key;
}

export function signEnvelope(payloadType: string, payload: Buffer, key: KeyObject): DsseEnvelope {
  const sig = sign(null, pae(payloadType, payload), key);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid: keyFingerprint(key), sig: sig.toString('base64') }] };
}

/** Checks the shape of a parsed envelope; throws BAD_ENVELOPE naming what is wrong. */
export function asEnvelope(x: unknown, where: string): DsseEnvelope {
  const e = x as Partial<DsseEnvelope> | null;
  if (!e || typeof e !== 'object') throw new CertificateError('BAD_ENVELOPE', `${where} is not a DSSE envelope (a JSON object with payloadType, payload, signatures)`);
  if (typeof e.payloadType !== 'string') throw new CertificateError('BAD_ENVELOPE', `${where}: payloadType is missing`);
  if (typeof e.payload !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(e.payload)) throw new CertificateError('BAD_ENVELOPE', `${where}: payload is not base64`);
  if (!Array.isArray(e.signatures) || !e.signatures.length) throw new CertificateError('BAD_ENVELOPE', `${where}: the envelope has no signatures`);
  for (const s of e.signatures) {
    if (!s || typeof s.sig !== 'string' || typeof (s.keyid ?? '') !== 'string') throw new CertificateError('BAD_ENVELOPE', `${where}: a signature lacks sig or keyid`);
  }
  return e as DsseEnvelope;
}

/**
 * Verifies the envelope with the public key: some signature must verify over PAE of the
 * payload as it stands. Returns the payload bytes; throws BAD_SIGNATURE otherwise.
 */
export function verifyEnvelope(env: DsseEnvelope, key: KeyObject): Buffer {
  const payload = Buffer.from(env.payload, 'base64');
  // Base64 that does not round-trip means bytes were changed in a way Buffer silently ignores.
  if (payload.toString('base64') !== env.payload) throw new CertificateError('BAD_ENVELOPE', 'The envelope payload is not canonical base64: it was altered');
  const message = pae(env.payloadType, payload);
  const fingerprint = keyFingerprint(key);
  for (const s of env.signatures) {
    const sig = Buffer.from(s.sig, 'base64');
    if (sig.toString('base64') !== s.sig) throw new CertificateError('BAD_ENVELOPE', `The signature ${s.keyid ? `by ${s.keyid} ` : ''}is not canonical base64: it was altered`);
    if (sig.length === 64 && verify(null, message, key, sig)) return payload;
  }
  const named = env.signatures.map((s) => s.keyid).filter(Boolean);
  const which = named.includes(fingerprint)
    ? `the signature by key ${fingerprint} does not match the envelope: its payload, payload type or signature was changed`
    : `no signature is by key ${fingerprint} (signed by ${named.join(', ') || 'an unnamed key'}), and none verifies with it`;
  throw new CertificateError('BAD_SIGNATURE', `Signature does not verify: ${which}`);
}
