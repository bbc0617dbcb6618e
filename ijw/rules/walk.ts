/** Walks a model along its schema descriptor, giving the engine's exact element paths. */
import type { ComplexType, ElementDecl } from '../schema/types.ts';

export interface Visit {
  path: string;
  name: string;
  value: unknown;
}

/** Every element of the model, depth first, with `[n]` on repeated elements like the engine. */
export function* walk(decl: ElementDecl, value: unknown, path = `/${decl.name}`): Generator<Visit> {
  yield { path, name: decl.name, value };
  if (decl.type.kind !== 'complex' || typeof value !== 'object' || value === null) return;
  for (const child of (decl.type as ComplexType).children) {
    const v = (value as Record<string, unknown>)[child.name];
    if (v === undefined || v === null) continue;
    if (child.max > 1) {
      const items = Array.isArray(v) ? v : [v];
      for (let i = 0; i < items.length; i++) yield* walk(child, items[i], `${path}/${child.name}[${i + 1}]`);
    } else yield* walk(child, v, `${path}/${child.name}`);
  }
}
