/** Typed errors of the message layer. Each has a stable `code` a caller can switch on. */
export type IjwErrorCode =
  | 'XML_NOT_WELL_FORMED'
  | 'XML_DTD_REFUSED'
  | 'XML_ENTITY_REFUSED'
  | 'XML_TOO_LARGE'
  | 'XML_TOO_DEEP'
  | 'UNKNOWN_MESSAGE'
  | 'MESSAGE_INVALID';

export class IjwError extends Error {
  readonly code: IjwErrorCode;
  readonly detail?: string;

  constructor(code: IjwErrorCode, message: string, detail?: string) {
    super(message);
    this.code = code;
    this.detail = detail;
    this.name = 'IjwError';
  }
}
