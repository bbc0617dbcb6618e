/**
 * The certificate's content: an in-toto Statement v1 (github.com/in-toto/attestation) whose
 * subjects are the run's report files with their SHA-256, and whose predicate states the suite,
 * the system under test, the run, and per region and role the verdict and every rule's result.
 * Verdicts and rule results come from the report model (the data summary.json is built from),
 * never computed here.
 *
 * @example
 *   const statement = buildStatement({ runDir, model, suite, sut, options, issuedAt: new Date() });
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROTOCOL_NAMES, type RegionId } from '../../regions/catalogue.ts';
import { profiles } from '../../regions/index.ts';
import type { Counts, ReportModel, Role, RuleStatus, Verdict, VerdictLabel } from '../model.ts';
import { buildSummary } from '../summary.ts';
import { CertificateError } from './errors.ts';
import type { CatalogueState } from './suite-state.ts';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://ijw-conformance.nl/certificate/v1';
/** A certificate is valid for a year from its issue: protocols and the suite move on. */
export const VALIDITY_DAYS = 365;
/** The name the certificate gets inside the run directory (not itself a subject). */
export const CERTIFICATE_FILE = 'certificate.dsse.json';

export interface Subject {
  /** Path relative to the run directory, with `/`. */
  name: string;
  digest: { sha256: string };
}

export interface RegionProtocol {
  region: string;
  name: string;
  /** The protocol's own title (PROTOCOL_NAMES), its seed file, and version and date where the protocol states them. */
  protocol: { title: string; seed: string; version: string | null; date: string | null };
}

export interface CertifiedSut {
  vendor: string;
  name: string;
  version: string;
  kind: 'reference' | 'http' | 'image';
  /** The image and its digest (`sha256:…`, the engine's image id; repo digests when pushed) with `--sut-image`. */
  image?: string;
  imageDigest?: string;
  repoDigests?: string[];
  url?: string;
}

export interface CertificatePredicate {
  certificate: { issuedAt: string; validUntil: string; /** Always true: partial runs are refused, not certified (docs/CERTIFICATES.md). */ complete: true };
  suite: {
    name: 'ijw-conformance';
    version: string;
    commit: string;
    rulesVersion: string;
    /** Whether the catalogue was compared with RULES.md at issue (it was then not stale), or why not. */
    catalogue: { checkedAgainstRulesMd: boolean; note?: string };
    ijwVersion: string;
    regions: RegionProtocol[];
  };
  sut: CertifiedSut;
  run: {
    runId: string;
    startedAt: string;
    finishedAt: string;
    harnessVersion: string;
    roles: Role[];
    options: Record<string, unknown>;
    /** Per region, the business dates the scenarios ran on (distinct, sorted). */
    businessDates: Record<string, string[]>;
  };
  verdict: VerdictLabel;
  verdicts: { region: string; role: Role; verdict: VerdictLabel; mandatory: Counts; optional: Counts }[];
  rules: { region: string; rules: { id: string; status: RuleStatus; inCatalogue: boolean; results: Partial<Record<Role, Partial<Record<Verdict, number>>>> }[] }[];
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof PREDICATE_TYPE;
  predicate: CertificatePredicate;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Every file of the run directory (recursively) but the certificate itself, sorted, with its SHA-256. */
export function reportSubjects(runDir: string): Subject[] {
  const out: Subject[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== CERTIFICATE_FILE) out.push({ name: relative(runDir, p).split(sep).join('/'), digest: { sha256: sha256File(p) } });
    }
  };
  walk(runDir);
  return out;
}

/** Title, seed, version and date of a region's protocol, from its profile and PROTOCOL_NAMES. */
export function regionProtocol(region: string): RegionProtocol {
  const p = profiles[region as RegionId];
  if (!p) throw new CertificateError('BAD_STATEMENT', `No region profile for '${region}'`);
  const seedNo = p.seed.slice(0, 3);
  return {
    region,
    name: p.name,
    protocol: { title: PROTOCOL_NAMES[seedNo] ?? p.seed, seed: p.seed, version: p.protocol?.version?.value ?? null, date: p.protocol?.date?.value ?? null },
  };
}

export interface StatementInput {
  runDir: string;
  model: ReportModel;
  suite: { version: string; commit: string; catalogue: CatalogueState };
  sut: CertifiedSut;
  options: Record<string, unknown>;
  issuedAt: Date;
}

export function buildStatement(input: StatementInput): Statement {
  const { model } = input;
  const summary = buildSummary(model);
  const issuedAt = input.issuedAt;
  const validUntil = new Date(issuedAt.getTime() + VALIDITY_DAYS * 86_400_000);
  const businessDates: Record<string, string[]> = {};
  for (const r of model.regions) {
    const dates = new Set<string>();
    for (const s of r.scenarios) {
      for (const x of s.exchanges) if (x.businessDate) dates.add(x.businessDate);
      for (const a of s.actions) if (a.businessDate) dates.add(a.businessDate);
    }
    businessDates[r.region] = [...dates].sort();
  }
  const cat = input.suite.catalogue;
  return {
    _type: STATEMENT_TYPE,
    subject: reportSubjects(input.runDir),
    predicateType: PREDICATE_TYPE,
    predicate: {
      certificate: { issuedAt: issuedAt.toISOString(), validUntil: validUntil.toISOString(), complete: true },
      suite: {
        name: 'ijw-conformance',
        version: input.suite.version,
        commit: input.suite.commit,
        rulesVersion: cat.rulesVersion,
        catalogue: cat.checked ? { checkedAgainstRulesMd: true } : { checkedAgainstRulesMd: false, note: cat.reason },
        ijwVersion: model.run.ijwVersion,
        regions: model.regions.map((r) => regionProtocol(r.region)),
      },
      sut: input.sut,
      run: {
        runId: model.run.runId,
        startedAt: model.run.startedAt,
        finishedAt: model.run.finishedAt,
        harnessVersion: model.run.harnessVersion,
        roles: model.run.roles,
        options: input.options,
        businessDates,
      },
      verdict: summary.verdict,
      verdicts: summary.verdicts.map((v) => ({ region: v.region, role: v.role, verdict: v.verdict, mandatory: v.mandatory, optional: v.optional })),
      rules: summary.regions.map((r) => ({
        region: r.region,
        rules: r.rules.map((rule) => {
          const results: Partial<Record<Role, Partial<Record<Verdict, number>>>> = {};
          for (const s of rule.scenarios) {
            if (!s.role) continue;
            const byRole = (results[s.role] ??= {});
            byRole[s.verdict] = (byRole[s.verdict] ?? 0) + 1;
          }
          return { id: rule.id, status: rule.status, inCatalogue: rule.inCatalogue, results };
        }),
      })),
    },
  };
}

/** Checks a parsed payload is a statement of ours; throws BAD_STATEMENT naming the first thing that is not. */
export function asStatement(x: unknown): Statement {
  const s = x as Partial<Statement> | null;
  const bad = (what: string) => new CertificateError('BAD_STATEMENT', `The signed statement ${what}`);
  if (!s || typeof s !== 'object') throw bad('is not a JSON object');
  if (s._type !== STATEMENT_TYPE) throw bad(`has _type ${JSON.stringify(s._type)}, expected ${STATEMENT_TYPE}`);
  if (s.predicateType !== PREDICATE_TYPE) throw bad(`has predicateType ${JSON.stringify(s.predicateType)}, expected ${PREDICATE_TYPE}`);
  if (!Array.isArray(s.subject) || !s.subject.length) throw bad('names no report files (subject)');
  for (const sub of s.subject) {
    if (typeof sub?.name !== 'string' || !/^[0-9a-f]{64}$/.test(sub?.digest?.sha256 ?? '')) throw bad(`has a subject without a name and a SHA-256 digest`);
    if (sub.name.startsWith('/') || sub.name.split('/').includes('..')) throw bad(`names a report file outside the report folder: ${sub.name}`);
  }
  const p = s.predicate;
  if (!p?.certificate?.issuedAt || !p.certificate.validUntil || !p.suite?.version || !p.sut?.name || !Array.isArray(p.verdicts)) throw bad('lacks the certificate, suite, sut or verdicts of a certificate predicate');
  return s as Statement;
}
