/** The 14 iJw 3.2 messages, their BerichtCode (COD002) and how they pair up. */
export const MESSAGE_CODES = [
  'JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315',
  'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325',
] as const;
export type MessageCode = (typeof MESSAGE_CODES)[number];

export const BERICHT_CODES = {
  JW301: '436', JW302: '437', JW305: '438', JW306: '439', JW307: '440', JW308: '441', JW315: '446',
  JW316: '447', JW317: '486', JW318: '487', JW319: '488', JW320: '489', JW323: '490', JW325: '491',
} as const satisfies Record<MessageCode, string>;

/** Heen message → the message the receiver answers it with (FLOWS.md). */
export const RETOUR_OF = {
  JW301: 'JW302', JW305: 'JW306', JW307: 'JW308', JW315: 'JW316', JW317: 'JW318', JW319: 'JW320', JW323: 'JW325',
} as const satisfies Partial<Record<MessageCode, MessageCode>>;
export type HeenCode = keyof typeof RETOUR_OF;
export type RetourMessageCode = (typeof RETOUR_OF)[HeenCode];

export function isMessageCode(s: string): s is MessageCode {
  return (MESSAGE_CODES as readonly string[]).includes(s);
}

export function isHeen(code: MessageCode): code is HeenCode {
  return code in RETOUR_OF;
}

export function namespaceOf(code: MessageCode): string {
  return `http://www.istandaarden.nl/ijw/3_2/${code.toLowerCase()}/schema`;
}
