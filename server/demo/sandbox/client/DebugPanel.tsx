import { useState } from 'preact/hooks';
import {
  decideAll,
  findCustomer,
  findToken,
  offersOn,
  parseConfig,
  sandboxContext,
  type WantedArm,
} from './decisions';
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
  const links = useStore(host.followedLinks);
  const clockOffset = useStore(host.clock.offset);
  const clockTimers = useStore(host.clock.pending);
  const codes = useStore(host.discountCodes);
  const [advanceBy, setAdvanceBy] = useState('60');
  const [codeToApply, setCodeToApply] = useState('SPRING10');
  const [codeError, setCodeError] = useState<string | null>(null);
  const published = parseConfig(host.data.config);
  // Checkout offers are decided on the checkout token, Thank you page offers on the customer.
  const config = offersOn(published, 'checkout');
  const thankYou = offersOn(published, 'thank_you');
  const context = sandboxContext(lines, host.data.currency, host.language);
  const decisions = decideAll(config, context, host.token);
  const customerDecisions = decideAll(thankYou, context, host.customerId);
  const pickCustomer = (wanted: WantedArm, offerId: string) => {
    const customer = thankYou && findCustomer(thankYou, context, wanted, offerId);
    if (customer) reloadWith({ customer });
  };
  const [toAdd, setToAdd] = useState(host.data.catalog[0]?.id ?? '');
  const pick = (wanted: WantedArm, offerId?: string) => {
    const token = config && findToken(config, context, wanted, offerId);
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
        <button type="button" onClick={() => pick({ holdout: false })} disabled={!config}>
          Treatment token
        </button>
        <button type="button" onClick={() => pick({ holdout: true })} disabled={!config}>
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
        <label>
          <input
            type="checkbox"
            checked={host.refuseCodes}
            onChange={() => reloadWith({ refuseCodes: host.refuseCodes ? null : '1' })}
          />{' '}
          Codes refused
        </label>
      </div>
      <form
        class="debug-row"
        aria-label="Checkout clock"
        onSubmit={(e) => {
          e.preventDefault();
          const seconds = Number(advanceBy);
          if (Number.isFinite(seconds) && seconds > 0) host.clock.advance(seconds * 1000);
        }}
      >
        <span>
          Clock +<span data-testid="clock-offset">{Math.round(clockOffset / 1000)}</span> s ·{' '}
          <span data-testid="clock-timers">{clockTimers}</span> timer(s) waiting
        </span>
        <label>
          Advance by{' '}
          <input
            name="seconds"
            inputMode="numeric"
            size={5}
            value={advanceBy}
            data-testid="clock-advance-seconds"
            onInput={(e) => setAdvanceBy((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          s
        </label>
        <button type="submit" data-testid="clock-advance">
          Advance clock
        </button>
      </form>
      <form
        class="debug-row"
        aria-label="Discount codes"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await host.applyDiscountCodeChange({
            type: 'addDiscountCode',
            code: codeToApply,
          });
          setCodeError(result.type === 'error' ? result.message : null);
        }}
      >
        <label>
          Code{' '}
          <input
            name="code"
            size={12}
            value={codeToApply}
            data-testid="apply-code-input"
            onInput={(e) => setCodeToApply((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" data-testid="apply-code">
          Apply code
        </button>
        <span class="muted" data-testid="applied-codes">
          {codes.length > 0 ? `Applied: ${codes.join(', ')}` : 'No code applied'}
        </span>
        {codeError && (
          <span class="error" role="alert" data-testid="apply-code-error">
            {codeError}
          </span>
        )}
      </form>
      <form
        class="debug-row"
        onSubmit={(e) => {
          e.preventDefault();
          host.addToCart(toAdd);
        }}
      >
        <label>
          Product{' '}
          <select
            value={toAdd}
            data-testid="add-to-cart-variant"
            onChange={(e) => setToAdd((e.currentTarget as HTMLSelectElement).value)}
          >
            {host.data.catalog.map((v) => (
              <option key={v.id} value={v.id}>
                {v.variantTitle ? `${v.title} — ${v.variantTitle}` : v.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="add-to-cart">
          Add to cart
        </button>
      </form>
      <p class="muted">
        {config
          ? `Published config: ${published?.offers.length ?? 0} offer(s), ${new Date(config.publishedAt).toLocaleString()}`
          : 'No config published yet: activate an offer in the admin.'}
        {' · '}events → {host.data.bundleAppUrl || location.origin}
      </p>
      {config && decisions.length === 0 && <p class="muted">No offer is eligible for this cart.</p>}
      <ul class="decisions">
        {decisions.map((d) => {
          const offer = config?.offers.find((o) => o.id === d.offerId);
          return (
            <li
              key={d.offerId}
              data-testid="decision"
              data-offer={d.offerId}
              data-kind={offer?.kind}
              data-arm={d.arm ?? 'none'}
            >
              <code>{d.offerId}</code> {offer?.kind} @ {offer?.target}:{' '}
              <strong>{d.inExperiment ? d.arm : 'outside coverage'}</strong>
              {d.holdout &&
                (offer?.trigger
                  ? ' (renders nothing, logs exposure when the trigger fires)'
                  : ' (renders nothing, logs exposure)')}
              {offer?.trigger && (
                <span class="muted" data-testid="decision-trigger">
                  {' '}
                  · trigger after {offer.trigger.afterSeconds} s in checkout
                </span>
              )}
              <span class="debug-row">
                {offer?.experiment.arms.map((arm) => (
                  <button
                    key={arm.key}
                    type="button"
                    aria-label={`Use a ${arm.key} token for ${d.offerId}`}
                    onClick={() => pick({ arm: arm.key }, d.offerId)}
                  >
                    {arm.key}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {customerDecisions.length > 0 && (
        <>
          <p class="muted">
            Thank you page, for customer <code data-testid="customer">{host.customerId}</code>:
          </p>
          <ul class="decisions">
            {customerDecisions.map((d) => {
              const offer = thankYou?.offers.find((o) => o.id === d.offerId);
              return (
                <li
                  key={d.offerId}
                  data-testid="customer-decision"
                  data-offer={d.offerId}
                  data-kind={offer?.kind}
                  data-arm={d.arm ?? 'none'}
                >
                  <code>{d.offerId}</code> {offer?.kind}:{' '}
                  <strong>{d.inExperiment ? d.arm : 'outside coverage'}</strong>
                  {d.holdout && ' (renders nothing, logs exposure on the Thank you page)'}
                  <span class="debug-row">
                    {offer?.experiment.arms.map((arm) => (
                      <button
                        key={arm.key}
                        type="button"
                        aria-label={`Use a ${arm.key} customer for ${d.offerId}`}
                        onClick={() => pickCustomer({ arm: arm.key }, d.offerId)}
                      >
                        {arm.key}
                      </button>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <ol class="events" data-testid="events">
        {sent.map((e, i) => (
          <li key={i} data-type={e.type} data-status={e.status}>
            {e.type} · {e.arm} · {e.status}
          </li>
        ))}
      </ol>
      {links.length > 0 && (
        <ul data-testid="followed-links">
          {links.map((link, i) => (
            <li key={i} data-testid="followed-link" data-href={link.href}>
              Followed {link.href} (the sandbox stays in checkout)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
