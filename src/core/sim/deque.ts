/** Growable ring buffer of int32 ids: push/pop at the back, pop at the front, all O(1). */
export class IntDeque {
  private items: Int32Array;
  private head = 0;
  size = 0;

  constructor(capacity = 16) {
    this.items = new Int32Array(capacity);
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    for (let i = 0; i < this.size; i++) items[i] = this.items[(this.head + i) % this.items.length]!;
    this.items = items;
    this.head = 0;
  }

  pushBack(id: number): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) % this.items.length] = id;
    this.size++;
  }

  front(): number {
    return this.items[this.head]!;
  }

  back(): number {
    return this.items[(this.head + this.size - 1) % this.items.length]!;
  }

  /** The i-th id from the front (0 = front). */
  get(i: number): number {
    return this.items[(this.head + i) % this.items.length]!;
  }

  popFront(): number {
    const id = this.items[this.head]!;
    this.head = (this.head + 1) % this.items.length;
    this.size--;
    return id;
  }

  popBack(): number {
    this.size--;
    return this.items[(this.head + this.size) % this.items.length]!;
  }

  /** Removes one occurrence of `id` wherever it is (rare path: eviction). */
  remove(id: number): boolean {
    for (let i = 0; i < this.size; i++) {
      if (this.items[(this.head + i) % this.items.length] === id) {
        for (let j = i; j < this.size - 1; j++) {
          this.items[(this.head + j) % this.items.length] = this.items[(this.head + j + 1) % this.items.length]!;
        }
        this.size--;
        return true;
      }
    }
    return false;
  }
}
