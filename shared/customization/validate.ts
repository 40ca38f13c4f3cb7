/**
 * A customization dataset checked line by line as Bedrock would: every line parsed and checked
 * against the chosen model's and method's record shape (formats.ts), each problem with its line
 * number, field path and a plain sentence; then the whole file against the limits AWS publishes
 * for the model (models.ts): record counts, estimated tokens per record (tokens.ts), file size.
 *
 * Blank lines: Bedrock's pages say every line is a JSON object and do not say a blank line is
 * skipped, and AWS's own sample validators (aws-samples/amazon-bedrock-samples, Nova and
 * distillation) parse every line, so an empty line fails there. Stratum therefore reports a blank
 * line as a problem (delete it). A final newline at the end of the file does not make a line.
 */
import {
  CONVERSATION_SCHEMA_VERSION,
  RECORD_SCHEMAS,
  type CustomizationMethod,
  type DatasetRecord,
  type RecordShape,
} from './formats';
import {
  customizationModel,
  isNova,
  type CustomizationModelId,
  type DatasetLimits,
} from './models';
import { checkShape, describeValue, isObject, unknownKeys } from './record-checks';
import { recordSize, TOKEN_ESTIMATE_LABEL, utf8Bytes, type RecordSize } from './tokens';

export interface DatasetTarget {
  model: CustomizationModelId;
  method: CustomizationMethod;
}

export interface DatasetProblem {
  /** 1-based line number, or null for a problem with the file as a whole. */
  line: number | null;
  /** The field: `messages[1].role`, `prompt`, or '' for the whole line or file. */
  path: string;
  message: string;
}

export interface LineCheck {
  line: number;
  ok: boolean;
  /** The line is empty or only white space. */
  blank: boolean;
  /** The record as Bedrock would read it (documented keys only); null when the line has problems. */
  record: DatasetRecord | null;
  /** Sizes of what could be read (also for a line with problems, when it was a JSON object). */
  size: RecordSize | null;
  problems: DatasetProblem[];
  warnings: DatasetProblem[];
}

export interface ValidRecord {
  line: number;
  record: DatasetRecord;
  size: RecordSize;
}

export interface DatasetTotals {
  lines: number;
  records: number;
  invalidLines: number;
  blankLines: number;
  /** Estimated tokens of each valid record, in file order. */
  tokensPerRecord: number[];
  totalTokens: number;
  largestRecordTokens: number;
  fileBytes: number;
}

export interface DatasetReport {
  target: DatasetTarget;
  shape: RecordShape;
  limits: DatasetLimits;
  lines: LineCheck[];
  valid: ValidRecord[];
  /** Every problem: line problems in order, then file problems (line null). */
  problems: DatasetProblem[];
  warnings: DatasetProblem[];
  totals: DatasetTotals;
  tokenEstimate: string;
}

/** Splits JSON Lines text: LF or CRLF; a final newline does not make an empty last line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function parseLine(text: string): { value: Record<string, unknown> } | { reason: string } {
  if (text.trim() === '') {
    return { reason: 'This line is empty; every line must be one JSON object. Delete it.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      reason: `This line is not valid JSON (${detail}). Each line must be one complete JSON object.`,
    };
  }
  if (!isObject(value)) {
    return {
      reason: `Each line must be one JSON object {…}, but this one is ${describeValue(value)}.`,
    };
  }
  return { value };
}

function tokenProblems(size: RecordSize, limits: DatasetLimits, label: string): string[] {
  const out: string[] = [];
  const est = (n: number) =>
    `about ${n.toLocaleString('en-US')} tokens (estimated at 6 characters per token)`;
  const over = (n: number, max: number | null, what: string) => {
    if (max !== null && n > max) {
      out.push(
        `This record is ${est(n)}, more than the ${max.toLocaleString('en-US')} ${what} ${label} takes. Shorten it or split it.`,
      );
    }
  };
  over(size.tokens, limits.maxRecordTokens, 'tokens of input and output together that');
  over(size.inputTokens, limits.maxInputTokens, 'input tokens that');
  over(size.outputTokens, limits.maxOutputTokens, 'output tokens that');
  return out;
}

/** Checks one line (1-based `line`) for a target. */
export function checkLine(text: string, line: number, target: DatasetTarget): LineCheck {
  const { model, support } = supportFor(target);
  const problems: DatasetProblem[] = [];
  const warnings: DatasetProblem[] = [];
  const parsed = parseLine(text);
  if ('reason' in parsed) {
    problems.push({ line, path: '', message: parsed.reason });
    return {
      line,
      ok: false,
      blank: text.trim() === '',
      record: null,
      size: null,
      problems,
      warnings,
    };
  }
  const add = (path: string, message: string) => problems.push({ line, path, message });
  const texts = checkShape(parsed.value, support.shape, add, {
    nova: isNova(target.model),
    singleTurnOnly: support.limits.singleTurnOnly,
  });
  const size = recordSize(texts.input, texts.output);
  for (const message of tokenProblems(size, support.limits, model.label)) add('', message);
  for (const key of unknownKeys(parsed.value, support.shape)) {
    warnings.push({
      line,
      path: key,
      message: `"${key}" is not a key Bedrock documents for this format; the export leaves it out.`,
    });
  }
  const version = parsed.value.schemaVersion;
  if (
    support.shape === 'distillation-prompt' &&
    typeof version === 'string' &&
    version !== CONVERSATION_SCHEMA_VERSION
  ) {
    warnings.push({
      line,
      path: 'schemaVersion',
      message: `AWS's distillation example uses "${CONVERSATION_SCHEMA_VERSION}"; this line has "${version}".`,
    });
  }
  const schema = RECORD_SCHEMAS[support.shape];
  const record = problems.length === 0 ? (schema.safeParse(parsed.value).data ?? null) : null;
  if (problems.length === 0 && record === null)
    add('', 'This record does not match the format; check its fields.');
  return { line, ok: record !== null, blank: false, record, size, problems, warnings };
}

function countProblems(totals: DatasetTotals, limits: DatasetLimits, label: string): string[] {
  const out: string[] = [];
  const n = (x: number) => x.toLocaleString('en-US');
  const most = limits.maxTotalRecords ?? limits.maxTrainingRecords;
  if (limits.minRecords !== null && totals.records < limits.minRecords) {
    out.push(
      `${n(totals.records)} valid records: ${label} needs at least ${n(limits.minRecords)}. Add records.`,
    );
  }
  if (most !== null && totals.records > most) {
    out.push(
      `${n(totals.records)} valid records: ${label} takes at most ${n(most)}. Remove records or split the work.`,
    );
  }
  if (limits.maxTrainingFileBytes !== null && totals.fileBytes > limits.maxTrainingFileBytes) {
    out.push(
      `The file is ${n(totals.fileBytes)} bytes: the most for a ${label} training file is ${n(limits.maxTrainingFileBytes)} bytes.`,
    );
  }
  return out;
}

function supportFor(target: DatasetTarget) {
  const model = customizationModel(target.model);
  const support = model.methods[target.method];
  if (!support) throw new Error(`${model.label} does not offer ${target.method}.`);
  return { model, support };
}

/**
 * An incremental checker for files read in pieces (a 50 MB file in a worker, with progress): feed
 * it each line in order, then `finish` with the file's size in bytes. `checkCustomizationDataset`
 * is this over a whole text.
 */
export interface DatasetChecker {
  /** Checks the next line (without its line break); returns its result. */
  pushLine(text: string): LineCheck;
  /** Lines checked so far. */
  readonly lineCount: number;
  finish(fileBytes: number, startsWithBom?: boolean): DatasetReport;
}

export function createDatasetChecker(target: DatasetTarget): DatasetChecker {
  supportFor(target);
  const lines: LineCheck[] = [];
  return {
    pushLine(text) {
      const result = checkLine(text, lines.length + 1, target);
      lines.push(result);
      return result;
    },
    get lineCount() {
      return lines.length;
    },
    finish(fileBytes, startsWithBom = false) {
      return summarizeDataset(target, lines, fileBytes, startsWithBom);
    },
  };
}

/**
 * The report over lines already checked (in order, numbered from 1): totals, the model's limits,
 * every problem and warning. The lab calls it again after fixing or deleting one line
 * (dataset-edit.ts), so a fix re-checks one line, not the file.
 */
export function summarizeDataset(
  target: DatasetTarget,
  lines: readonly LineCheck[],
  fileBytes: number,
  startsWithBom = false,
): DatasetReport {
  const { model, support } = supportFor(target);
  const valid: ValidRecord[] = lines.flatMap((l) =>
    l.record && l.size ? [{ line: l.line, record: l.record, size: l.size }] : [],
  );
  const tokensPerRecord = valid.map((v) => v.size.tokens);
  const blankLines = lines.filter((l) => l.blank).length;
  const totals: DatasetTotals = {
    lines: lines.length,
    records: valid.length,
    invalidLines: lines.length - valid.length,
    blankLines,
    tokensPerRecord,
    totalTokens: tokensPerRecord.reduce((a, b) => a + b, 0),
    largestRecordTokens: tokensPerRecord.reduce((a, b) => Math.max(a, b), 0),
    fileBytes,
  };
  const fileProblems = countProblems(totals, support.limits, model.label).map(
    (message): DatasetProblem => ({ line: null, path: '', message }),
  );
  const warnings = lines.flatMap((l) => l.warnings);
  if (startsWithBom) {
    warnings.push({
      line: null,
      path: '',
      message: 'The file starts with a byte-order mark; save it as UTF-8 without one for Bedrock.',
    });
  }
  return {
    target,
    shape: support.shape,
    limits: support.limits,
    lines: [...lines],
    valid,
    problems: [...lines.flatMap((l) => l.problems), ...fileProblems],
    warnings,
    totals,
    tokenEstimate: TOKEN_ESTIMATE_LABEL,
  };
}

/** Checks a whole file's text for a target, line by line, then against the model's limits. */
export function checkCustomizationDataset(text: string, target: DatasetTarget): DatasetReport {
  const checker = createDatasetChecker(target);
  const bom = text.startsWith('\uFEFF');
  for (const line of splitLines(bom ? text.slice(1) : text)) checker.pushLine(line);
  return checker.finish(utf8Bytes(text), bom);
}

/**
 * Splits text that arrives in chunks into lines (LF or CRLF), calling `onLine` for each complete
 * line; `end()` flushes a last line that has no final newline.
 */
export function createLineSplitter(onLine: (line: string) => void): {
  push(chunk: string): void;
  end(): void;
} {
  let rest = '';
  const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  return {
    push(chunk) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) emit(part);
    },
    end() {
      if (rest !== '') emit(rest);
      rest = '';
    },
  };
}
