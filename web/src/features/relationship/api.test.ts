import { describe, expect, it } from 'vitest';
import { refetchWhileUnscored } from './api';
import type { Relationship } from './types';

const relationship = (score: Relationship['score']) => ({ memory: {}, score }) as unknown as Relationship;

describe('a contact page waiting for its first score', () => {
  it('asks again every few seconds until the contact is scored, then only on live changes', () => {
    expect(refetchWhileUnscored(relationship(null))).toBe(5_000);
    expect(refetchWhileUnscored(relationship({ valueScore: 10 } as Relationship['score']))).toBe(false);
    expect(refetchWhileUnscored(undefined)).toBe(false);
  });
});
