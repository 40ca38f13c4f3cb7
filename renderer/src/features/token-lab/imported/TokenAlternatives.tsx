/**
 * The chosen token's real alternatives: the model's most likely tokens at that position with
 * their probabilities, the token it actually generated marked.
 */
import type { GeneratedToken } from '../../../../../shared/imported-models-contract';
import { formatPercent } from '../../../lib/format';
import { visibleToken } from './confidence';

export function TokenAlternatives({ token, index }: { token: GeneratedToken; index: number }) {
  const top = token.alternatives[0];
  const sampledBelowTop = top !== undefined && top.token !== token.token;
  return (
    <section className="token-alternatives" aria-label="Alternatives for the chosen token">
      <h3>
        Token {index + 1}: <code>{visibleToken(token.token)}</code> at{' '}
        <span data-testid="chosen-probability">{formatPercent(token.probability)}</span>{' '}
        <span className="muted small">(logprob {token.logprob.toFixed(3)})</span>
      </h3>
      {token.alternatives.length === 0 ? (
        <p className="muted">
          The model sent no alternatives for this token. Set “Alternatives per token” above 0 and
          run again.
        </p>
      ) : (
        <>
          <table className="alternatives" data-testid="alternatives">
            <caption className="sr-only">The model’s most likely tokens at this position</caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Probability</th>
                <th scope="col">Logprob</th>
              </tr>
            </thead>
            <tbody>
              {token.alternatives.map((a, i) => (
                <tr key={i} className={a.token === token.token ? 'chosen' : undefined}>
                  <td>
                    <code>{visibleToken(a.token)}</code>
                    {a.token === token.token ? (
                      <span className="muted small"> generated</span>
                    ) : null}
                  </td>
                  <td>
                    <span className="alt-bar" style={{ width: `${a.probability * 100}%` }} />
                    <span className="alt-value">{formatPercent(a.probability)}</span>
                  </td>
                  <td>{a.logprob.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            {sampledBelowTop
              ? 'Sampling picked a token that was not the most likely one (temperature above 0). '
              : ''}
            The listed probabilities need not add up to 100%: the rest is spread over every other
            token in the model’s vocabulary.
          </p>
        </>
      )}
    </section>
  );
}
