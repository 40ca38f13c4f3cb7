import { describe, expect, it } from 'vitest';
import {
  checkedGuardrailRequest,
  codePoints,
  emptyGuardrailDefinition,
  guardrailProblems,
  guardrailRequestBody,
  PiiEntityType,
  updateGuardrailRequest,
  type GuardrailDefinition,
  type GuardrailProblem,
} from '../../shared/guardrail-builder';

/** A definition that uses every policy the builder has. */
function fullDefinition(): GuardrailDefinition {
  return {
    name: 'study-guard_1',
    description: '  Guards the study assistant.  ',
    contentFilters: [
      { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
      { type: 'INSULTS', inputStrength: 'MEDIUM', outputStrength: 'LOW' },
      { type: 'SEXUAL', inputStrength: 'HIGH', outputStrength: 'HIGH' },
      { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'MEDIUM' },
      { type: 'MISCONDUCT', inputStrength: 'HIGH', outputStrength: 'HIGH' },
      { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
    ],
    deniedTopics: [
      {
        name: 'Investment advice',
        definition: 'Recommendations about buying or selling stocks, funds or other investments.',
        examples: ['Which stocks should I buy?', ' Is now a good time to sell my ETF? '],
      },
      {
        name: 'Exam dumps',
        definition: 'Requests for real questions from the live exam.',
        examples: [],
      },
    ],
    wordFilters: { words: ['braindump', ' exam leak '], profanity: true },
    sensitiveInformation: {
      piiEntities: [
        { type: 'EMAIL', action: 'ANONYMIZE' },
        { type: 'PHONE', action: 'ANONYMIZE' },
        { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
      ],
      regexes: [
        { name: 'student-id', description: 'Student ids', pattern: 'S\\d{7}', action: 'ANONYMIZE' },
        { name: 'booking', description: '   ', pattern: 'BK-[0-9]{6}', action: 'BLOCK' },
      ],
    },
    contextualGrounding: { grounding: 0.75, relevance: 0.5 },
    blockedInputMessaging: 'Sorry, I cannot help with that prompt.',
    blockedOutputsMessaging: 'Sorry, I cannot give that answer.',
  };
}

const errors = (problems: GuardrailProblem[]) => problems.filter((p) => p.severity === 'error');
const at = (problems: GuardrailProblem[], path: string) => problems.filter((p) => p.path === path);

describe('guardrailRequestBody', () => {
  it('turns a full definition into the exact CreateGuardrail body', () => {
    expect(guardrailRequestBody(fullDefinition())).toStrictEqual({
      name: 'study-guard_1',
      description: 'Guards the study assistant.',
      topicPolicyConfig: {
        topicsConfig: [
          {
            name: 'Investment advice',
            definition:
              'Recommendations about buying or selling stocks, funds or other investments.',
            examples: ['Which stocks should I buy?', 'Is now a good time to sell my ETF?'],
            type: 'DENY',
          },
          {
            name: 'Exam dumps',
            definition: 'Requests for real questions from the live exam.',
            type: 'DENY',
          },
        ],
      },
      contentPolicyConfig: {
        filtersConfig: [
          { type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' },
          { type: 'INSULTS', inputStrength: 'MEDIUM', outputStrength: 'LOW' },
          { type: 'SEXUAL', inputStrength: 'HIGH', outputStrength: 'HIGH' },
          { type: 'VIOLENCE', inputStrength: 'HIGH', outputStrength: 'MEDIUM' },
          { type: 'MISCONDUCT', inputStrength: 'HIGH', outputStrength: 'HIGH' },
          { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' },
        ],
      },
      wordPolicyConfig: {
        wordsConfig: [{ text: 'braindump' }, { text: 'exam leak' }],
        managedWordListsConfig: [{ type: 'PROFANITY' }],
      },
      sensitiveInformationPolicyConfig: {
        piiEntitiesConfig: [
          { type: 'EMAIL', action: 'ANONYMIZE' },
          { type: 'PHONE', action: 'ANONYMIZE' },
          { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
        ],
        regexesConfig: [
          {
            name: 'student-id',
            description: 'Student ids',
            pattern: 'S\\d{7}',
            action: 'ANONYMIZE',
          },
          { name: 'booking', pattern: 'BK-[0-9]{6}', action: 'BLOCK' },
        ],
      },
      contextualGroundingPolicyConfig: {
        filtersConfig: [
          { type: 'GROUNDING', threshold: 0.75 },
          { type: 'RELEVANCE', threshold: 0.5 },
        ],
      },
      blockedInputMessaging: 'Sorry, I cannot help with that prompt.',
      blockedOutputsMessaging: 'Sorry, I cannot give that answer.',
    });
  });

  it('serialises to the same JSON the service model describes (no undefined members)', () => {
    const body = guardrailRequestBody(fullDefinition());
    expect(JSON.parse(JSON.stringify(body))).toStrictEqual(body);
  });

  it('leaves out policies that have nothing in them', () => {
    const def: GuardrailDefinition = {
      ...emptyGuardrailDefinition(),
      name: 'words-only',
      wordFilters: { words: [], profanity: true },
      contextualGrounding: { grounding: null, relevance: 0.4 },
    };
    expect(guardrailRequestBody(def)).toStrictEqual({
      name: 'words-only',
      wordPolicyConfig: { managedWordListsConfig: [{ type: 'PROFANITY' }] },
      contextualGroundingPolicyConfig: { filtersConfig: [{ type: 'RELEVANCE', threshold: 0.4 }] },
      blockedInputMessaging: def.blockedInputMessaging,
      blockedOutputsMessaging: def.blockedOutputsMessaging,
    });
  });

  it('builds UpdateGuardrail with the identifier and the whole body', () => {
    const request = updateGuardrailRequest('abc123def456', fullDefinition());
    expect(request.guardrailIdentifier).toBe('abc123def456');
    expect(request).toStrictEqual({
      guardrailIdentifier: 'abc123def456',
      ...guardrailRequestBody(fullDefinition()),
    });
  });
});

describe('guardrailProblems', () => {
  it('finds nothing wrong with the full definition', () => {
    expect(guardrailProblems(fullDefinition())).toStrictEqual([]);
    const checked = checkedGuardrailRequest(fullDefinition());
    expect(checked.ok).toBe(true);
  });

  it('has the 31 PII entity types of the service model', () => {
    expect(PiiEntityType.options).toHaveLength(31);
    expect(PiiEntityType.options).toContain('US_SOCIAL_SECURITY_NUMBER');
    expect(PiiEntityType.options).toContain('UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER');
  });

  it('checks the name: 50 characters, letters, digits, hyphens and underscores', () => {
    const ok = { ...fullDefinition(), name: 'a'.repeat(50) };
    expect(guardrailProblems(ok)).toStrictEqual([]);
    const long = guardrailProblems({ ...fullDefinition(), name: 'a'.repeat(51) });
    expect(at(long, 'name')[0]?.message).toBe(
      'Shorten a guardrail name to 50 characters or fewer; it has 51.',
    );
    const spaced = guardrailProblems({ ...fullDefinition(), name: 'study guard' });
    expect(at(spaced, 'name')[0]?.message).toMatch(/letters, digits, hyphens/);
    expect(at(guardrailProblems({ ...fullDefinition(), name: '  ' }), 'name')[0]?.message).toBe(
      'Enter a guardrail name.',
    );
  });

  it('counts code points, as Smithy does, not UTF-16 units', () => {
    expect(codePoints('😀')).toBe(1);
    const def = { ...fullDefinition(), blockedInputMessaging: '😀'.repeat(500) };
    expect(guardrailProblems(def)).toStrictEqual([]);
    const over = { ...fullDefinition(), blockedInputMessaging: '😀'.repeat(501) };
    expect(at(guardrailProblems(over), 'blockedInputMessaging')).toHaveLength(1);
  });

  it('checks a topic definition at 200 and 201 characters', () => {
    const topic = (definition: string) => ({
      ...fullDefinition(),
      deniedTopics: [{ name: 'Topic', definition, examples: [] }],
    });
    expect(guardrailProblems(topic('d'.repeat(200)))).toStrictEqual([]);
    const problems = guardrailProblems(topic('d'.repeat(201)));
    expect(problems).toStrictEqual([
      {
        path: 'deniedTopics[0].definition',
        apiMember: 'topicPolicyConfig.topicsConfig[0].definition',
        message: 'Shorten a topic definition to 200 characters or fewer; it has 201.',
        severity: 'error',
      },
    ]);
  });

  it('checks topic counts, names and sample phrases', () => {
    const topics = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `Topic ${i}`, definition: 'x', examples: [] }));
    expect(guardrailProblems({ ...fullDefinition(), deniedTopics: topics(30) })).toStrictEqual([]);
    const over = guardrailProblems({ ...fullDefinition(), deniedTopics: topics(31) });
    expect(over.map((p) => p.message)).toStrictEqual([
      'Use at most 30 denied topics; there are 31.',
    ]);
    const bad = guardrailProblems({
      ...fullDefinition(),
      deniedTopics: [
        { name: 'Stocks & bonds', definition: 'x', examples: ['a', 'b', 'c', 'd', 'e', 'f'] },
        { name: 'stocks & BONDS', definition: 'x', examples: ['p'.repeat(101)] },
      ],
    });
    expect(bad.map((p) => p.path)).toStrictEqual([
      'deniedTopics[0].name',
      'deniedTopics[0].examples',
      'deniedTopics[1].name',
      'deniedTopics[1].examples[0]',
      'deniedTopics[1].name',
    ]);
    expect(bad[1]?.message).toBe('Use at most 5 sample phrases per topic; there are 6.');
  });

  it('checks word filters: 10,000 words of at most 100 characters', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);
    const fine = { ...fullDefinition(), wordFilters: { words: words(10_000), profanity: false } };
    expect(errors(guardrailProblems(fine))).toStrictEqual([]);
    const many = { ...fullDefinition(), wordFilters: { words: words(10_001), profanity: false } };
    expect(errors(guardrailProblems(many))[0]?.message).toBe(
      'Use at most 10,000 custom words; there are 10,001.',
    );
    const long = {
      ...fullDefinition(),
      wordFilters: { words: ['x'.repeat(101)], profanity: false },
    };
    expect(errors(guardrailProblems(long))[0]).toMatchObject({
      path: 'wordFilters.words[0]',
      apiMember: 'wordPolicyConfig.wordsConfig[0].text',
    });
    const phrase = {
      ...fullDefinition(),
      wordFilters: { words: ['one two three four'], profanity: false },
    };
    expect(guardrailProblems(phrase)[0]?.severity).toBe('warning');
  });

  it('checks regexes: 10 at most, pattern of 500, name of 100', () => {
    const regex = (i: number, pattern = 'a+') => ({
      name: `r${i}`,
      description: '',
      pattern,
      action: 'BLOCK' as const,
    });
    const sensitive = (regexes: ReturnType<typeof regex>[]) => ({
      ...fullDefinition(),
      sensitiveInformation: { piiEntities: [], regexes },
    });
    const ten = Array.from({ length: 10 }, (_, i) => regex(i));
    expect(guardrailProblems(sensitive(ten))).toStrictEqual([]);
    expect(errors(guardrailProblems(sensitive([...ten, regex(10)])))[0]?.message).toBe(
      'Use at most 10 regexes; there are 11.',
    );
    expect(guardrailProblems(sensitive([regex(0, 'a'.repeat(500))]))).toStrictEqual([]);
    expect(errors(guardrailProblems(sensitive([regex(0, 'a'.repeat(501))])))).toHaveLength(1);
    const broken = guardrailProblems(sensitive([regex(0, '([a-z')]));
    expect(broken[0]?.severity).toBe('warning');
  });

  it('checks content filters: prompt attack has no response strength, no repeats', () => {
    const filters = guardrailProblems({
      ...fullDefinition(),
      contentFilters: [
        { type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'HIGH' },
        { type: 'HATE', inputStrength: 'NONE', outputStrength: 'NONE' },
        { type: 'HATE', inputStrength: 'LOW', outputStrength: 'LOW' },
      ],
    });
    expect(filters.map((p) => [p.path, p.severity])).toStrictEqual([
      ['contentFilters[2]', 'error'],
      ['contentFilters[0].outputStrength', 'error'],
      ['contentFilters[1]', 'warning'],
    ]);
  });

  it('checks grounding thresholds: 0 or more, warning at 0 and at 1 or more', () => {
    const grounding = (g: number | null, r: number | null) => ({
      ...fullDefinition(),
      contextualGrounding: { grounding: g, relevance: r },
    });
    expect(errors(guardrailProblems(grounding(-0.01, 0.5)))[0]).toMatchObject({
      path: 'contextualGrounding.grounding',
      apiMember: 'contextualGroundingPolicyConfig.filtersConfig[0].threshold',
    });
    expect(errors(guardrailProblems(grounding(null, -1)))[0]?.apiMember).toBe(
      'contextualGroundingPolicyConfig.filtersConfig[0].threshold',
    );
    expect(guardrailProblems(grounding(0.99, 0.01))).toStrictEqual([]);
    expect(guardrailProblems(grounding(1, 0)).map((p) => p.severity)).toStrictEqual([
      'warning',
      'warning',
    ]);
  });

  it('needs at least one policy and both blocked messages', () => {
    const problems = guardrailProblems({
      ...emptyGuardrailDefinition(),
      name: 'empty',
      blockedOutputsMessaging: '',
    });
    expect(problems.map((p) => p.path)).toStrictEqual(['blockedOutputsMessaging', '']);
    expect(checkedGuardrailRequest({ ...emptyGuardrailDefinition(), name: 'x' }).ok).toBe(false);
  });

  it('checks message length at 500 and 501', () => {
    expect(
      guardrailProblems({ ...fullDefinition(), blockedOutputsMessaging: 'm'.repeat(500) }),
    ).toStrictEqual([]);
    expect(
      guardrailProblems({ ...fullDefinition(), blockedOutputsMessaging: 'm'.repeat(501) })[0]?.path,
    ).toBe('blockedOutputsMessaging');
  });

  it('reports a value that is not a definition by path', () => {
    const problems = guardrailProblems({ ...fullDefinition(), contentFilters: [{ type: 'GORE' }] });
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems.map((p) => p.path)).toContain('contentFilters[0].type');
  });
});
