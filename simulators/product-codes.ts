/**
 * TR381 (S329, external source): a ProductCode is filled with a code that fits the
 * ProductCategorie by the product code list in use. For the reference parties that list is the
 * region profile (the products the region contracts, each with its category): a code the profile
 * lists under another category is refused. A code the profile does not list is not judged here:
 * whether it is contracted is a question for the request (reden 3), not for S329.
 *
 * @example productCodeFits(getProfile('alkmaar'), '46', '45X01') // '45X01 is a product of category 45 …'
 */
import type { RegionProfile } from '../regions/types.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import type { Finding } from '../ijw/findings.ts';

/** Why `code` does not fit `categorie` by the region's product list, or undefined. */
export type ProductCodeCheck = (profile: RegionProfile, categorie: string | undefined, code: string | undefined) => string | undefined;

export const productCodeFits: ProductCodeCheck = (profile, categorie, code) => {
  if (!code || categorie === undefined) return undefined;
  const p = profile.products.find((x) => x.code === code);
  if (!p || p.category === categorie) return undefined;
  return `ProductCode ${code} is a product of category ${p.category} in the product code list of ${profile.name}, not of ProductCategorie ${categorie}`;
};

/** The products of a heen message with a technical retour (JW301, 305, 307, 315, 317), with their paths. */
export function productsOf(code: MessageCode, model: unknown): { path: string; categorie?: string | undefined; code?: string | undefined }[] {
  type P = { Product?: { Categorie?: string; Code?: string } };
  const c = (model as { Client?: Record<string, unknown> }).Client ?? {};
  const list = (outer: string, inner: string, base: string): { path: string; categorie?: string | undefined; code?: string | undefined }[] =>
    (((c[outer] as Record<string, P[]> | undefined)?.[inner]) ?? []).flatMap((p, i) => (p.Product ? [{ path: `${base}/${outer}/${inner}[${i + 1}]/Product/Code`, categorie: p.Product.Categorie, code: p.Product.Code }] : []));
  switch (code) {
    case 'JW301': return list('ToegewezenProducten', 'ToegewezenProduct', '/Bericht/Client');
    case 'JW305': return list('StartProducten', 'StartProduct', '/Bericht/Client');
    case 'JW307': return list('StopProducten', 'StopProduct', '/Bericht/Client');
    case 'JW315': return list('AangevraagdeProducten', 'AangevraagdProduct', '/Bericht/Client');
    case 'JW317': {
      const v = (c.Verzoek ?? {}) as { NieuweProducten?: { NieuwProduct?: P[] } };
      return (v.NieuweProducten?.NieuwProduct ?? []).flatMap((p, i) => (p.Product ? [{ path: `/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[${i + 1}]/Product/Code`, categorie: p.Product.Categorie, code: p.Product.Code }] : []));
    }
    default: return [];
  }
}

/** A TR381 finding (level 4, S329). */
export function productCodeFinding(code: MessageCode, path: string, text: string): Finding {
  return { message: code, path, rule: 'TR381', level: 4, retourcode: 'S329', text };
}
