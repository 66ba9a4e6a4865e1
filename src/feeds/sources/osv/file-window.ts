import type { FileHandle } from 'node:fs/promises'

/**
 * A file read through one reusable buffer of `windowBytes`: a range inside the bytes already
 * read is served from memory, any other range loads a new window starting at it. A zip is
 * read front to back, so one large read serves thousands of small entries, and memory stays
 * at one window whatever the size of the file.
 */
export class FileWindow {
  readonly size: number
  private readonly handle: FileHandle
  private readonly windowBytes: number
  private buffer: Buffer
  private start = 0
  private end = 0

  constructor(handle: FileHandle, size: number, windowBytes: number) {
    this.handle = handle
    this.size = size
    this.windowBytes = windowBytes
    this.buffer = Buffer.alloc(0)
  }

  /** The loaded bytes; valid until the next `load`. */
  get bytes(): Buffer {
    return this.buffer
  }

  holds(position: number, length: number): boolean {
    return position >= this.start && position + length <= this.end
  }

  /** Where `position` sits in `bytes`; only after `holds` or `load` said yes for it. */
  offsetOf(position: number): number {
    return position - this.start
  }

  /**
   * Loads `length` bytes from `position`, and as many after them as fit in the window.
   * False when the file ends first.
   */
  async load(position: number, length: number): Promise<boolean> {
    if (position < 0 || position + length > this.size) return false
    const want = Math.min(Math.max(this.windowBytes, length), this.size - position)
    // A range larger than the window gets a buffer of its own; the next load goes back to the
    // window's size, so one large entry does not keep its memory for the rest of the archive.
    if (want > this.buffer.length || this.buffer.length > this.windowBytes) {
      this.buffer = Buffer.allocUnsafe(Math.max(want, Math.min(this.windowBytes, this.size)))
    }
    let filled = 0
    while (filled < want) {
      const { bytesRead } = await this.handle.read(
        this.buffer,
        filled,
        want - filled,
        position + filled,
      )
      if (bytesRead === 0) break
      filled += bytesRead
    }
    this.start = position
    this.end = position + filled
    return filled >= length
  }
}
