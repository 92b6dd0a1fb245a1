import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

describe('list cursor', () => {
  it('decodes every cursor it encodes to the same position', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        (createdAt, id) => {
          expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id });
        },
      ),
    );
  });

  it('is URL-safe', () => {
    const cursor = encodeCursor({
      createdAt: new Date('2024-12-01T10:00:00.000Z'),
      id: '00000042-0000-4000-8000-000000000001',
    });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects anything it did not issue', () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        const decoded = decodeCursor(junk);
        // The only strings that decode are encodings of a valid position.
        if (decoded) expect(encodeCursor(decoded)).toBe(junk);
      }),
    );
    for (const junk of ['', '!!!', Buffer.from('[1,2]').toString('base64url'), 'x'.repeat(201)]) {
      expect(decodeCursor(junk)).toBeUndefined();
    }
  });
});
