import { describe, expect, it } from 'vitest';
import { LABS } from '../labs/registry';
import { decodeUrlState, encodeUrlState } from './url-state';

describe('focus= and embed=1&view= in a link', () => {
  it('accepts every view of every lab and round-trips it', () => {
    for (const lab of LABS) {
      expect(lab.viewIds.length).toBeGreaterThan(0);
      for (const view of lab.viewIds) {
        const focused = decodeUrlState(`?lab=${lab.id}&focus=${view}`);
        expect(focused.warnings).toEqual([]);
        expect(focused.state).toMatchObject({ focus: view, embed: false });
        expect(decodeUrlState(encodeUrlState(focused.state)).state).toEqual(focused.state);
        const embedded = decodeUrlState(`?lab=${lab.id}&embed=1&view=${view}`);
        expect(embedded.warnings).toEqual([]);
        expect(embedded.state).toMatchObject({ focus: view, embed: true });
        const link = encodeUrlState(embedded.state);
        expect(link).toContain(`embed=1&view=${view}`);
        expect(decodeUrlState(link).state).toEqual(embedded.state);
      }
    }
  });

  it('names and ignores a view the lab does not have, markup included', () => {
    const { state, warnings } = decodeUrlState('?lab=superposition&focus=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(state.focus).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^focus="<img src=x onerror=alert\(1\)>" is not a view of superposition/);
    // A view of another lab is not a view of this one.
    expect(decodeUrlState('?lab=superposition&focus=srm').state.focus).toBeNull();
    expect(decodeUrlState('?lab=superposition&focus=__proto__').state.focus).toBeNull();
  });

  it('embed=1 without a valid view falls back to the first view, with a warning', () => {
    const { state, warnings } = decodeUrlState('?lab=bias&embed=1&view=nope');
    expect(state).toMatchObject({ embed: true, focus: 'curves' });
    expect(warnings).toHaveLength(2);
    expect(decodeUrlState('?lab=bias&embed=yes').warnings[0]).toMatch(/embed="yes" should be 1 or 0/);
  });

  it('a link without them has neither', () => {
    const { state, warnings } = decodeUrlState('?lab=capacity');
    expect(warnings).toEqual([]);
    expect(state).toMatchObject({ embed: false, focus: null });
    expect(encodeUrlState(state)).not.toMatch(/focus=|embed=|[?&]view=/);
  });
});
