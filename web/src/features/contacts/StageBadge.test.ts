import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { StageBadge } from './StageBadge';
import { stageLabel } from './stage-labels';

const text = (markup: string) => markup.replace(/<[^>]+>/g, '').trim();

describe('a lifecycle stage shown', () => {
  it('reads by its name in the text itself, not by the stored value made capital by styles', () => {
    expect(text(renderMarkup(createElement(StageBadge, { stage: 'lead' })))).toBe('Lead');
    expect(text(renderMarkup(createElement(StageBadge, { stage: 'opportunity' })))).toBe('Opportunity');
  });

  it('of a stage this app does not know yet is still capitalised', () => {
    expect(stageLabel('evangelist')).toBe('Evangelist');
  });
});
