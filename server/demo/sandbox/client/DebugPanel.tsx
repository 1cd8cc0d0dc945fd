import { decideAll, findToken, parseConfig, sandboxContext } from './decisions';
import type { ObservedEvent, SandboxHost, Store } from './sandbox-types';
import { useStore } from './use-store';

/** Reloads the sandbox with other parameters: a new token is a new checkout, as in Shopify. */
function reloadWith(params: Record<string, string | null>) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(params)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  location.assign(url.href);
}

/** What decide chose for this checkout and what the extension sent — the sandbox's own UI. */
export function DebugPanel({
  host,
  events,
}: {
  host: SandboxHost;
  events: Store<ObservedEvent[]>;
}) {
  const lines = useStore(host.lines);
  const sent = useStore(events);
  const config = parseConfig(host.data.config);
  const context = sandboxContext(lines, host.data.currency, host.language);
  const decisions = decideAll(config, context, host.token);
  const pick = (holdout: boolean) => {
    const token = config && findToken(config, context, holdout);
    if (token) reloadWith({ token });
  };

  return (
    <section class="debug" aria-label="Sandbox debug panel">
      <h2>Sandbox</h2>
      <form
        class="debug-row"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem(
            'token',
          ) as HTMLInputElement;
          reloadWith({ token: input.value.trim() || null });
        }}
      >
        <label>
          Checkout token <input name="token" value={host.token} data-testid="token" />
        </label>
        <button type="submit">Use</button>
      </form>
      <div class="debug-row">
        <button type="button" onClick={() => pick(false)} disabled={!config}>
          Treatment token
        </button>
        <button type="button" onClick={() => pick(true)} disabled={!config}>
          Holdout token
        </button>
        <button
          type="button"
          onClick={() => reloadWith({ lang: host.language === 'fr' ? null : 'fr' })}
        >
          {host.language === 'fr' ? 'English' : 'Français'}
        </button>
        <label>
          <input
            type="checkbox"
            checked={!host.canAddCartLine}
            onChange={() => reloadWith({ cannotAdd: host.canAddCartLine ? '1' : null })}
          />{' '}
          Lines locked
        </label>
      </div>
      <p class="muted">
        {config
          ? `Published config: ${config.offers.length} offer(s), ${new Date(config.publishedAt).toLocaleString()}`
          : 'No config published yet: activate an offer in the admin.'}
        {' · '}events → {host.data.bundleAppUrl || location.origin}
      </p>
      {config && decisions.length === 0 && <p class="muted">No offer is eligible for this cart.</p>}
      <ul class="decisions">
        {decisions.map((d) => (
          <li key={d.offerId} data-testid="decision" data-arm={d.arm ?? 'none'}>
            <code>{d.offerId}</code> {config?.offers.find((o) => o.id === d.offerId)?.target}:{' '}
            <strong>{d.inExperiment ? d.arm : 'outside coverage'}</strong>
            {d.holdout && ' (renders nothing, logs exposure)'}
          </li>
        ))}
      </ul>
      <ol class="events" data-testid="events">
        {sent.map((e, i) => (
          <li key={i} data-type={e.type} data-status={e.status}>
            {e.type} · {e.arm} · {e.status}
          </li>
        ))}
      </ol>
    </section>
  );
}
