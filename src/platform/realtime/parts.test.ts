import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, PartAssembler, splitForNotify, type RealtimePart } from './model.ts';

const partsOf = (text: string, id = -7): RealtimePart[] => {
  const pieces = splitForNotify(text);
  return pieces.map((piece, n) => ({ id, n, of: pieces.length, text: piece }));
};

describe('large passing signals as NOTIFY parts', () => {
  it('splits so that every part, as sent, fits a NOTIFY, and joins back to the same text', () => {
    // Escapes (\r\n, quotes) and multi-byte letters make the JSON longer than the text.
    const text = JSON.stringify({ sdp: `v=0\r\n${'a=fmtp:96 "åäö" 😀 profile-level-id=42e01f\r\n'.repeat(900)}` });
    const parts = partsOf(text);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify({ part }))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(parts.map((part) => part.text).join('')).toBe(text);
  });

  it('keeps a short text whole', () => {
    expect(splitForNotify('{"a":1}')).toEqual(['{"a":1}']);
  });

  it('hands over the whole once every part has come, in any order, and only once', () => {
    const text = 'x'.repeat(20_000);
    const parts = partsOf(text);
    const assembler = new PartAssembler();
    const reversed = [...parts].reverse();
    const results = reversed.map((part) => assembler.add(part, 1000));
    expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
    expect(results.at(-1)).toBe(text);
    expect(assembler.size()).toBe(0);
    // A repeated part starts nothing complete.
    expect(assembler.add(parts[0]!, 1000)).toBeNull();
  });

  it('drops an incomplete signal after ten seconds and ignores malformed parts', () => {
    const assembler = new PartAssembler();
    const parts = partsOf('y'.repeat(20_000), -1);
    assembler.add(parts[0]!, 0);
    expect(assembler.size()).toBe(1);
    assembler.add({ id: -2, n: 5, of: 2, text: '' }, 11_000);
    expect(assembler.size()).toBe(0);
    expect(assembler.add({ id: -3, n: 0, of: 1000, text: '' }, 11_000)).toBeNull();
  });
});
