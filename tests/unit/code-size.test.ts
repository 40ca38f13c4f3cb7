/**
 * One way to build a screen, kept: no React component over 200 lines or holding more than six
 * pieces of state (useState, useRef, useReducer), and no other function over 80 lines unless its
 * doc comment says why ("Long on purpose: ..."). Read with the TypeScript compiler API over the
 * app's own code (renderer/src, electron, shared).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['renderer/src', 'electron', 'shared'];
const COMPONENT_LINES = 200;
const COMPONENT_STATE = 6;
const FUNCTION_LINES = 80;
const REASON = /Long on purpose:/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

type FunctionNode =
  ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

const isFunction = (node: ts.Node): node is FunctionNode =>
  ts.isFunctionDeclaration(node) ||
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isMethodDeclaration(node);

/** The statement a function is declared by, whose leading comments are its doc comment. */
function declaringNode(node: FunctionNode): ts.Node {
  let n: ts.Node = node;
  while (
    n.parent &&
    (ts.isVariableDeclaration(n.parent) ||
      ts.isVariableDeclarationList(n.parent) ||
      ts.isVariableStatement(n.parent) ||
      ts.isCallExpression(n.parent))
  ) {
    n = n.parent;
  }
  return n;
}

function nameOf(node: FunctionNode): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) {
    return node.name.getText();
  }
  const parent = declaringNode(node);
  if (ts.isVariableStatement(parent)) {
    return parent.declarationList.declarations[0]?.name.getText() ?? '(anonymous)';
  }
  return '(anonymous)';
}

interface Finding {
  where: string;
  problem: string;
}

function findings(): Finding[] {
  const out: Finding[] = [];
  for (const file of FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const relative = file.slice(ROOT.length + 1);
    const visit = (node: ts.Node) => {
      if (isFunction(node)) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        const body = node.getText();
        const component =
          file.endsWith('.tsx') && /^[A-Z]/.test(nameOf(node)) && /<[A-Za-z>]/.test(body);
        const where = `${relative}:${first + 1} ${nameOf(node)}`;
        if (component) {
          const state = (body.match(/\buse(State|Ref|Reducer)\b/g) ?? []).length;
          if (lines > COMPONENT_LINES) out.push({ where, problem: `component of ${lines} lines` });
          if (state > COMPONENT_STATE)
            out.push({ where, problem: `component with ${state} pieces of state` });
        } else if (lines > FUNCTION_LINES) {
          const declaring = declaringNode(node);
          // The comment's words, without its line breaks and leading asterisks.
          const doc = text
            .slice(declaring.getFullStart(), declaring.getStart())
            .replace(/\s*\n\s*\*?\s*/g, ' ');
          if (!REASON.test(doc))
            out.push({ where, problem: `${lines} lines without a reason at its top` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('small parts', () => {
  it('keeps components small and functions short, or says why', () => {
    expect(findings().map((f) => `${f.where}: ${f.problem}`)).toEqual([]);
  });
});
