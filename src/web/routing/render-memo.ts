/**
 * Remembers rendered pages per data object. The registry service hands out the same object for as
 * long as the stored data version is unchanged, and a new one after any write, so a page rendered
 * from an object can be reused for exactly as long as that object is: never stale, and freed
 * together with it (WeakMap).
 */
export class RenderMemo<V = string> {
  private readonly pages = new WeakMap<object, Map<string, V>>();

  /** Variants per object (language × query); bounded so odd query strings cannot grow it. */
  constructor(private readonly variantsPerObject = 16) {}

  render(data: object, key: string, render: () => V): V {
    const hit = this.pages.get(data)?.get(key);
    if (hit !== undefined) return hit;
    const out = render();
    this.store(data, key, out);
    return out;
  }

  /** As `render`, for a page that needs more reads (made only on a miss) besides the data object. */
  async renderAsync(data: object, key: string, render: () => Promise<V>): Promise<V> {
    const hit = this.pages.get(data)?.get(key);
    if (hit !== undefined) return hit;
    const out = await render();
    this.store(data, key, out);
    return out;
  }

  private store(data: object, key: string, out: V): void {
    let variants = this.pages.get(data);
    if (!variants) {
      variants = new Map();
      this.pages.set(data, variants);
    }
    if (variants.size >= this.variantsPerObject) {
      const oldest = variants.keys().next().value;
      if (oldest !== undefined) variants.delete(oldest);
    }
    variants.set(key, out);
  }
}
