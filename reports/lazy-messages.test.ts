/** The lazily rendered parts of the report: kept deflated, read back exactly. */
import { describe, expect, it } from 'vitest';
import { expandLazy, LazyStore, lazyFragments } from './lazy-messages.ts';

describe('LazyStore', () => {
  it('keeps fragments in deflated data blocks and gives them back exactly', () => {
    const store = new LazyStore();
    const a = store.add('alkmaar', 'alkmaar--s1', '<svg>ä &amp; ✓</svg>');
    const b = store.add('alkmaar', 'alkmaar--"s2"', '<pre class="xml">x</pre>');
    expect(a).toBe('<div class="lazy" data-block="lazy-0" data-lazy="alkmaar--s1"><p class="lazy-wait">Loading the messages…</p></div>');
    expect(b).toContain('data-lazy="alkmaar--&quot;s2&quot;"');
    const blocks = store.blocksHtml();
    expect(blocks).toMatch(/^<script type="application\/x-ijw-deflate" id="lazy-0">[A-Za-z0-9+/=]+<\/script>$/);
    expect(blocks).not.toContain('svg');
    expect(lazyFragments(blocks)).toEqual(new Map([['alkmaar--s1', '<svg>ä &amp; ✓</svg>'], ['alkmaar--"s2"', '<pre class="xml">x</pre>']]));
    expect(expandLazy(`<main>${a}${b}</main>${blocks}`)).toContain('<main><svg>ä &amp; ✓</svg><pre class="xml">x</pre></main>');
  });

  it('starts a new block per group and when a block grows past its limit, and compresses repetition well', () => {
    const store = new LazyStore();
    const big = `<pre>${'<span class="tag">&lt;jw301:Bericht&gt;</span>\n'.repeat(30_000)}</pre>`;
    store.add('alkmaar', 'a1', big);
    store.add('alkmaar', 'a2', big);
    store.add('fryslan', 'f1', 'x');
    const blocks = store.blocksHtml();
    expect(blocks.match(/<script /g)).toHaveLength(3);
    expect(blocks.length).toBeLessThan((2 * big.length) / 50);
    expect([...lazyFragments(blocks).keys()]).toEqual(['a1', 'a2', 'f1']);
  });
});
