/**
 * Group commit: writes that arrive while a commit is in flight wait for it, then go in together
 * in the next one. Every write is acknowledged only after its own commit (so it survives a crash),
 * but many share one durable flush, which is what bounds a single-writer database under load.
 */
export class GroupCommit<T> {
  readonly #pending: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];
  #flushing = false;
  #scheduled = false;

  constructor(
    /** Writes a batch in one transaction; all or nothing. */
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxBatch = 256,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /**
   * Starts a commit on the next turn of the event loop, not at once: requests whose reads are
   * already under way get to join it (on SQLite they wait for the one connection the commit holds).
   */
  #schedule(): void {
    if (this.#flushing || this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      while (this.#pending.length > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.#pending.splice(0, this.maxBatch);
        try {
          await this.write(batch.map((b) => b.item));
          for (const b of batch) b.resolve();
        } catch (err) {
          if (batch.length === 1) {
            batch[0]?.reject(err);
            continue;
          }
          // One bad write must not fail its neighbours: each is tried on its own.
          for (const b of batch) {
            try {
              await this.write([b.item]);
              b.resolve();
            } catch (single) {
              b.reject(single);
            }
          }
        }
      }
    } finally {
      this.#flushing = false;
    }
  }
}
