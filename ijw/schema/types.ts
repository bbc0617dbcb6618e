/**
 * Schema descriptors: the subset of XML Schema the iJw 3.2 XSDs use (sequences of elements
 * with min/max occurs, and simple types restricted by pattern, enumeration, length and range).
 * The descriptors in `generated/` are produced from the official XSDs by
 * `scripts/xsd-to-schema.ts`, so the product needs no XSD at run time.
 */

/** The XSD primitive a simple type derives from. */
export type SimpleBase = 'string' | 'integer' | 'date' | 'time';

export interface SimpleType {
  kind: 'simple';
  /** `LDT_Datum`, or `<Owner>.<Element>` for an anonymous type. */
  name: string;
  base: SimpleBase;
  /** Each inner array is one derivation step: a value must match one pattern of every step. */
  patterns?: readonly (readonly string[])[];
  enumeration?: readonly string[];
  minLength?: number;
  maxLength?: number;
  minInclusive?: number;
  maxInclusive?: number;
}

export interface ComplexType {
  kind: 'complex';
  name: string;
  children: readonly ElementDecl[];
}

export interface ElementDecl {
  name: string;
  /** Which namespace the element is qualified with: the message's own, or the basisschema's. */
  ns: 'msg' | 'base';
  min: number;
  /** `Infinity` for unbounded. */
  max: number;
  type: SimpleType | ComplexType;
}

export const BASISSCHEMA_NAMESPACE = 'http://www.istandaarden.nl/ijw/3_2/basisschema/schema';
