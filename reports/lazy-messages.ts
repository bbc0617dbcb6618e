/**
 * Parts of the report rendered only when the reader opens them: each scenario's sequence
 * diagram and message XML are kept out of the DOM, deflated and base64'd in
 * `<script type="application/x-ijw-deflate">` data blocks (one per region, split when a block
 * grows past ~2 MB of HTML), and put in place by the page's script when the scenario opens
 * (DecompressionStream('deflate-raw'), in every current browser; no network, the page's CSP
 * allows none). The report of `--region all` went from 11.8 MB of eager XML to a few MB, and
 * its first paint no longer waits for 2,600 messages (reports/README.md has the figures).
 *
 * @example
 *   const store = new LazyStore();
 *   const placeholder = store.add('alkmaar', 'alkmaar--s1', '<svg …>…</svg>'); // '<div class="lazy" …>'
 *   html += placeholder + store.blocksHtml() + `<script>${LAZY_JS}</script>`;
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { escapeHtml as h } from './escape.ts';

/** Raw HTML per block before it is split: keeps one decompression well under 50 ms. */
const BLOCK_LIMIT = 2_000_000;

export const LAZY_MEDIA_TYPE = 'application/x-ijw-deflate';

export class LazyStore {
  private readonly blocks: { id: string; group: string; size: number; parts: Record<string, string> }[] = [];

  /**
   * Keeps `html` for later and returns the placeholder that stands for it. `group` keeps
   * fragments that are read together (a region) in one block.
   */
  add(group: string, key: string, html: string, loadingText = 'Loading the messages…'): string {
    let block = this.blocks.findLast((b) => b.group === group);
    if (!block || block.size + html.length > BLOCK_LIMIT) {
      block = { id: `lazy-${this.blocks.length}`, group, size: 0, parts: {} };
      this.blocks.push(block);
    }
    block.parts[key] = html;
    block.size += html.length;
    return `<div class="lazy" data-block="${h(block.id)}" data-lazy="${h(key)}"><p class="lazy-wait">${h(loadingText)}</p></div>`;
  }

  /** The data blocks, to put anywhere in the document (the end of `<body>` keeps first paint early). */
  blocksHtml(): string {
    return this.blocks
      .map((b) => `<script type="${LAZY_MEDIA_TYPE}" id="${h(b.id)}">${deflateRawSync(Buffer.from(JSON.stringify(b.parts), 'utf8'), { level: 9 }).toString('base64')}</script>`)
      .join('\n');
  }
}

/**
 * Every lazily kept fragment of a rendered report, by key: for tests and tools that look inside
 * the report without a browser.
 */
export function lazyFragments(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp(`<script type="${LAZY_MEDIA_TYPE.replace(/[+.]/g, '\\$&')}" id="[^"]+">([^<]*)</script>`, 'g');
  for (const m of html.matchAll(re)) {
    const parts = JSON.parse(inflateRawSync(Buffer.from(m[1]!, 'base64')).toString('utf8')) as Record<string, string>;
    for (const [k, v] of Object.entries(parts)) out.set(k, v);
  }
  return out;
}

/** The report with every placeholder replaced by its fragment (what a reader sees after opening all). */
export function expandLazy(html: string): string {
  const parts = lazyFragments(html);
  return html.replace(/<div class="lazy" data-block="[^"]*" data-lazy="([^"]*)">[\s\S]*?<\/div>/g, (m, key: string) => parts.get(unescapeAttr(key)) ?? m);
}

function unescapeAttr(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

/**
 * The page's side: fills a placeholder when its scenario (`details.scenario`) opens, or when a
 * link points into it; decodes every block at idle after the first paint so opening is instant
 * and printing (which cannot wait) finds the fragments ready. `window.ijwLazy` exposes
 * `ready` (a promise: every block decoded) and `fillAll()` for tests.
 */
export const LAZY_JS = `
(function(){
  var pending={},done={};
  function bytes(b64){var s=atob(b64),a=new Uint8Array(s.length);for(var i=0;i<s.length;i++)a[i]=s.charCodeAt(i);return a;}
  function block(id){
    if(!pending[id]){
      var el=document.getElementById(id);
      pending[id]=(typeof DecompressionStream==='undefined'
        ? Promise.reject(new Error('this browser cannot decompress (no DecompressionStream)'))
        : new Response(new Blob([bytes(el.textContent.trim())]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text()
      ).then(function(t){var m=JSON.parse(t);done[id]=m;el.textContent='';return m;});
    }
    return pending[id];
  }
  function put(el,m){
    if(el.getAttribute('data-filled'))return;
    el.setAttribute('data-filled','1');
    el.innerHTML=m[el.getAttribute('data-lazy')]||'<p class="lazy-wait">Nothing recorded.</p>';
    el.dispatchEvent(new CustomEvent('ijw-filled',{bubbles:true}));
  }
  function fill(el){
    if(el.getAttribute('data-filled'))return Promise.resolve();
    var id=el.getAttribute('data-block');
    if(done[id]){put(el,done[id]);return Promise.resolve();}
    return block(id).then(function(m){put(el,m);},function(e){el.innerHTML='<p class="lazy-wait">Cannot show the messages: '+String(e.message).replace(/[<&]/g,'')+'</p>';});
  }
  function fillIn(root){return Promise.all(Array.prototype.map.call(root.querySelectorAll('.lazy'),fill));}
  document.addEventListener('toggle',function(e){var d=e.target;if(d&&d.matches&&d.matches('details.scenario')&&d.open)fillIn(d);},true);
  function openHash(){
    var id=decodeURIComponent(location.hash.slice(1));if(!id)return;
    var t=document.getElementById(id);if(!t)return;
    var d=t.closest('details.scenario');if(d&&!d.open){d.open=true;}
  }
  window.addEventListener('hashchange',openHash);
  openHash();
  Array.prototype.forEach.call(document.querySelectorAll('details.scenario[open] .lazy'),fill);
  var ids=Array.prototype.map.call(document.querySelectorAll('script[type="${LAZY_MEDIA_TYPE}"]'),function(s){return s.id;});
  var warm=new Promise(function(res){(window.requestIdleCallback||function(f){setTimeout(f,300);})(function(){res();},{timeout:1500});})
    .then(function(){return ids.reduce(function(p,id){return p.then(function(){return block(id);});},Promise.resolve());});
  window.ijwLazy={ready:warm,fill:fill,fillAll:function(){return fillIn(document);},fillSync:function(root){Array.prototype.forEach.call(root.querySelectorAll('.lazy'),function(el){var m=done[el.getAttribute('data-block')];if(m)put(el,m);});}};
})();
`;
