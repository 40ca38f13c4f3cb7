import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import {
  sameDraft,
  toDraft,
  toPatch,
  validate,
  type Draft,
} from '../../renderer/src/features/settings/draft';

const base: Draft = toDraft(DEFAULT_SETTINGS.aws);

describe('the Settings form draft', () => {
  it('round-trips the saved settings: empty fields mean the defaults', () => {
    expect(base).toEqual({
      profile: '',
      region: 'us-east-1',
      endpoint: '',
      model: 'amazon.nova-micro-v1:0',
    });
    expect(toPatch({ ...base, region: ' eu-west-1 ', endpoint: '  ' })).toEqual({
      aws: { profile: null, region: 'eu-west-1', endpoint: null, defaultTextModel: base.model },
    });
    expect(sameDraft(base, { ...base })).toBe(true);
    expect(sameDraft(base, { ...base, profile: 'dev' })).toBe(false);
  });

  it('says by the field what is wrong, with the rules main applies', () => {
    expect(validate(base)).toEqual({});
    expect(validate({ ...base, endpoint: 'ftp://example.com' }).endpoint).toBe(
      'The endpoint must start with http:// or https://.',
    );
    expect(validate({ ...base, endpoint: 'https://bedrock.example.com' })).toEqual({});
    expect(validate({ ...base, endpoint: 'http://localhost:4010' })).toEqual({});
    expect(validate({ ...base, region: 'not a region' }).region).toBeTruthy();
    expect(validate({ ...base, model: '' }).model).toBeTruthy();
  });
});
