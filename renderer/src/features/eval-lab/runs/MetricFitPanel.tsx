/** Which metric fits which task: the guide tied to exam task 3.4. */
export function MetricFitPanel() {
  return (
    <details className="card eval-fit">
      <summary>Which metric fits which task (exam task 3.4)</summary>
      <p>
        Task 3.4 of the AIF-C01 guide asks you to describe methods to evaluate foundation models:
        human evaluation, benchmark datasets, ROUGE, BLEU, BERTScore and Amazon Bedrock model
        evaluation. Pick the metric by what a good answer looks like:
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Fits</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Short factual answers (question answering)</td>
              <td>Exact match, token F1</td>
              <td>One right answer; F1 gives partial credit for a partly right span.</td>
            </tr>
            <tr>
              <td>Summarisation</td>
              <td>ROUGE-1/2/L (recall), semantic similarity</td>
              <td>Did the summary keep the reference's content? Many wordings are fine.</td>
            </tr>
            <tr>
              <td>Translation</td>
              <td>BLEU (corpus)</td>
              <td>Precision of n-grams against references, penalising short output.</td>
            </tr>
            <tr>
              <td>Classification</td>
              <td>Accuracy, per-class precision/recall/F1</td>
              <td>A label is right or wrong; per class shows where the errors are.</td>
            </tr>
            <tr>
              <td>Open-ended generation</td>
              <td>Model as judge, human review</td>
              <td>No reference to overlap with; helpfulness and tone need judgement.</td>
            </tr>
            <tr>
              <td>Any task, changed prompts</td>
              <td>Robustness</td>
              <td>A model that changes its answer for a typo is fragile.</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Overlap metrics reward the reference's words, not correctness: a right answer in other words
        can score low, and a wrong one that copies words can score high.
      </p>
    </details>
  );
}
