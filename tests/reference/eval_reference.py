"""Reference values for tests/unit/eval-metrics.test.ts, computed with the reference implementations.

Run (Debian 12 system Python, where the packages below were installed):
  PYTHONPATH=/path/to/refs /usr/bin/python3 tests/reference/eval_reference.py > /tmp/expected.json

Reference implementations and the versions used on 2026-12-04:
  - SQuAD v1.1 official evaluate script (`evaluate-v1.1.py`): module `squad_v11_evaluate` on PYTHONPATH
    (the script file renamed; its normalize_answer, exact_match_score, f1_score and
    metric_max_over_ground_truths are used unchanged).
  - rouge-score (google-research/rouge): package `rouge_score`, RougeScorer(['rouge1','rouge2','rougeL'],
    use_stemmer=False). Source at google-research commit 61ce9f0 (rouge_scorer.py), tokenize.py at 7ce52c0;
    the PyPI registry was not reachable here, so the package was laid out from that source.
  - sacreBLEU 2.6.0 (mjpost/sacrebleu, commit f615c72): corpus_bleu (defaults: 13a, exp smoothing) and
    sentence_bleu (defaults: exp smoothing, effective order) plus sentence_bleu(smooth_method='floor').
  - NLTK 3.8 (Debian python3-nltk 3.8-1): sentence_bleu with SmoothingFunction().method1 on 13a tokens,
    as a second, independent check of Chen & Cherry method 1 (= sacreBLEU 'floor', epsilon 0.1).
  - scikit-learn 1.2.1 (Debian python3-sklearn): confusion_matrix, precision_recall_fscore_support,
    accuracy_score with labels given in the fixture's order plus unexpected predictions.
"""
import json
import os
import sys

import nltk
import sacrebleu
import sklearn
from nltk.translate.bleu_score import SmoothingFunction
from nltk.translate.bleu_score import sentence_bleu as nltk_sentence_bleu
from rouge_score import rouge_scorer
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

import squad_v11_evaluate as squad

HERE = os.path.dirname(os.path.abspath(__file__))


def bleu_dict(score):
    return {
        "score": score.score / 100,
        "precisions": [p / 100 for p in score.precisions],
        "bp": score.bp,
        "sysLen": score.sys_len,
        "refLen": score.ref_len,
        "counts": list(score.counts),
        "totals": list(score.totals),
    }


def pair_values(pair, scorer, tok):
    cand, refs = pair["candidate"], pair["references"]
    rouge = scorer.score(refs[0], cand)  # score(target, prediction)
    hyp_tokens = tok(cand.rstrip()).split()
    ref_tokens = [tok(r.rstrip()).split() for r in refs]
    nltk_m1 = None
    if len(hyp_tokens) >= 4:
        nltk_m1 = nltk_sentence_bleu(ref_tokens, hyp_tokens, smoothing_function=SmoothingFunction().method1)
    return {
        "exactMatch": float(squad.metric_max_over_ground_truths(squad.exact_match_score, cand, refs)),
        "tokenF1": float(squad.metric_max_over_ground_truths(squad.f1_score, cand, refs)),
        "normalized": squad.normalize_answer(cand),
        "rouge": {k: [v.precision, v.recall, v.fmeasure] for k, v in rouge.items()},
        "sentenceBleuExp": bleu_dict(sacrebleu.sentence_bleu(cand, refs)),
        "sentenceBleuFloor": sacrebleu.sentence_bleu(cand, refs, smooth_method="floor").score / 100,
        "nltkMethod1": nltk_m1,
        "tokens13a": hyp_tokens,
    }


def classification_values(c):
    labels = list(c["labels"])
    for label in c["gold"] + c["predicted"]:
        if label not in labels:
            labels.append(label)
    out = {"labels": labels, "accuracy": accuracy_score(c["gold"], c["predicted"])}
    out["matrix"] = confusion_matrix(c["gold"], c["predicted"], labels=labels).tolist()
    p, r, f, s = precision_recall_fscore_support(c["gold"], c["predicted"], labels=labels, zero_division=0)
    out["perClass"] = [[float(a), float(b), float(d), int(e)] for a, b, d, e in zip(p, r, f, s)]
    for avg in ("macro", "micro", "weighted"):
        p, r, f, _ = precision_recall_fscore_support(
            c["gold"], c["predicted"], labels=labels, average=avg, zero_division=0)
        out[avg] = [float(p), float(r), float(f)]
    return out


def main():
    with open(os.path.join(HERE, "eval-fixture.json"), encoding="utf-8") as f:
        fixture = json.load(f)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    tok = Tokenizer13a()
    pairs = fixture["pairs"]
    refs_by_stream = [[p["references"][0] for p in pairs]]
    corpus = sacrebleu.corpus_bleu([p["candidate"] for p in pairs], refs_by_stream)
    json.dump({
        "versions": {"sacrebleu": sacrebleu.__version__, "nltk": nltk.__version__, "sklearn": sklearn.__version__,
                     "python": sys.version.split()[0]},
        "pairs": {p["id"]: pair_values(p, scorer, tok) for p in pairs},
        "corpusBleuFirstReference": bleu_dict(corpus),
        "classification": classification_values(fixture["classification"]),
    }, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
