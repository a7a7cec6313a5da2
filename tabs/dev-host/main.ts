/**
 * The local Teams host page: frames the tab at /tab/ and answers teams-js the way Teams does,
 * with a demo identity and a theme a person (or a browser test) picks here.
 */
import '../src/app/zod-setup'; // first: before any schema is built
import { devIdentitySchema, type DevIdentity } from '@contracts';
import { z } from 'zod';
import {
  DEMO_CHANNELS,
  contextReply,
  frameContextOf,
  surfaceFromKey,
  surfaceKey,
  tabUrlFor,
  type TabSurface,
  describeLoadReport,
  subEntityIdFromDeepLink,
  groupByTenant,
  identityLabel,
  initializeReply,
  isTabRequest,
  type TabRequest,
  type TeamsTheme,
} from './host-protocol';
import { createAuthPopups } from './auth-popup';

const element = <T extends HTMLElement>(id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lost #${id}`);
  return found as T;
};
const frame = element<HTMLIFrameElement>('tab');
const identityPicker = element<HTMLSelectElement>('identity');
const themePicker = element<HTMLSelectElement>('theme');
const localePicker = element<HTMLSelectElement>('locale');
const reloadButton = element<HTMLButtonElement>('reload');
const surfacePicker = element<HTMLSelectElement>('surface');
const saveSettingsButton = element<HTMLButtonElement>('save-settings');
const statusLine = document.querySelector<HTMLElement>('[data-testid="tab-status"]')!;
const problemLine = element<HTMLParagraphElement>('host-problem');
const deepLinkForm = element<HTMLFormElement>('deep-link-form');
const deepLinkInput = element<HTMLInputElement>('deep-link');
const deepLinkProblem = element<HTMLParagraphElement>('deep-link-problem');
const log = element<HTMLOListElement>('log');

const settings = new URLSearchParams(window.location.search);
/** What each channel tab's configuration page saved (its entity id), as Teams would remember it. */
const savedEntityIds: Record<string, string> = {};
let surface: TabSurface = surfaceFromKey(settings.get('tab'));
let identities: DevIdentity[] = [];
let theme: TeamsTheme = asTheme(settings.get('theme'));
/** Teams' locale for the tab (`?locale=de-DE`, `ar-SA`, or the pseudo-locale `qps-ploc`); the browser's otherwise. */
let locale = settings.get('locale') || navigator.language || 'en-US';
let appSessionId = crypto.randomUUID();
/** The context of the notification link the tab was last opened from (Teams' subEntityId), if any. */
let subEntityId = '';

function asTheme(value: string | null): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function currentIdentity(): DevIdentity | undefined {
  return identities.find((identity) => keyOf(identity) === identityPicker.value);
}

// Entra object ids are unique across tenants, so the user id alone names a person (and is easy for tests to pick).
const keyOf = (identity: DevIdentity) => identity.userId;

/** Keeps the choices in the address bar, so a reload (or a test) lands on the same person and theme. */
function rememberSettings(): void {
  const identity = currentIdentity();
  if (identity) {
    settings.set('tenant', identity.tenantId);
    settings.set('user', identity.userId);
  }
  settings.set('theme', theme);
  settings.set('tab', surfaceKey(surface));
  history.replaceState(null, '', `?${settings.toString()}`);
}

function note(direction: '→' | '←', text: string): void {
  const entry = document.createElement('li');
  entry.textContent = `${new Date().toISOString().slice(11, 23)} ${direction} ${text}`;
  log.append(entry);
  while (log.childElementCount > 50) log.firstElementChild?.remove();
}

const authPopups = createAuthPopups((text) => note('→', text));

function reply(request: TabRequest, args: unknown[]): void {
  note('←', `${request.func} #${request.id}`);
  frame.contentWindow?.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, window.location.origin);
}

async function tokenFor(identity: DevIdentity): Promise<[boolean, string]> {
  try {
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId: identity.tenantId, userId: identity.userId }),
    });
    if (!response.ok) return [false, `The local host refused a token (${response.status})`];
    const body = z.object({ access_token: z.string() }).parse(await response.json());
    return [true, body.access_token];
  } catch (error) {
    return [false, `No token: ${error instanceof Error ? error.message : String(error)}`];
  }
}

async function answer(request: TabRequest): Promise<void> {
  const identity = currentIdentity();
  switch (request.func) {
    case 'initialize':
      return reply(request, initializeReply(frameContextOf(surface)));
    case 'getContext':
      if (identity) reply(request, contextReply(identity, theme, appSessionId, locale, surface, subEntityId));
      return;
    case 'settings.setValidityState':
      saveSettingsButton.disabled = request.args?.[0] !== true;
      return;
    case 'settings.setSettings': {
      const saved = request.args?.[0] as { entityId?: unknown } | undefined;
      if (surface.kind === 'config' && typeof saved?.entityId === 'string') savedEntityIds[surface.channel.key] = saved.entityId;
      return reply(request, [true]);
    }
    case 'settings.save.success':
      statusLine.textContent = describeLoadReport(request.func, request.args) ?? '';
      if (surface.kind === 'config') showSurface(surfaceFromKey(`channel:${surface.channel.key}`, savedEntityIds));
      return;
    case 'authentication.authenticate':
      return authPopups.open(request, reply);
    case 'authentication.getAuthToken':
      return reply(request, identity ? await tokenFor(identity) : [false, 'Nobody is signed in on the host page']);
    default: {
      const report = describeLoadReport(request.func, request.args);
      if (report) statusLine.textContent = report;
      // registerHandler and other notifications expect no answer.
    }
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  // Only our own tab frame, on our own origin, may talk to the host.
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  if (!isTabRequest(event.data)) return;
  note('→', `${event.data.func} #${event.data.id}`);
  void answer(event.data);
});

function loadTab(): void {
  appSessionId = crypto.randomUUID();
  statusLine.textContent = 'Tab reported: nothing yet';
  saveSettingsButton.hidden = surface.kind !== 'config';
  saveSettingsButton.disabled = true;
  const url = tabUrlFor(surface);
  if (frame.getAttribute('src') === url && frame.contentWindow) frame.contentWindow.location.reload();
  else frame.src = url;
}

/** Puts the tab on another surface (personal, a channel, a channel's settings) and starts it there. */
function showSurface(next: TabSurface): void {
  surface = next;
  surfacePicker.value = surfaceKey(surface);
  rememberSettings();
  loadTab();
}

function fillSurfacePicker(): void {
  surfacePicker.replaceChildren(
    new Option('Personal tab', 'personal'),
    ...DEMO_CHANNELS.flatMap((channel) => [
      new Option(`Channel tab — ${channel.teamName}`, `channel:${channel.key}`),
      new Option(`Channel tab settings — ${channel.teamName}`, `config:${channel.key}`),
    ]),
  );
  surfacePicker.value = surfaceKey(surface);
}

function applyTheme(): void {
  document.body.dataset.theme = theme;
  themePicker.value = theme;
}

function fillIdentityPicker(): void {
  identityPicker.replaceChildren(
    ...groupByTenant(identities).map((group) => {
      const optgroup = document.createElement('optgroup');
      optgroup.label = group.tenantName;
      optgroup.append(
        ...group.people.map((identity) => new Option(identityLabel(identity), keyOf(identity))),
      );
      return optgroup;
    }),
  );
  const wanted = identities.find((i) => i.userId === settings.get('user'));
  identityPicker.value = keyOf(wanted ?? identities[0]!);
  identityPicker.disabled = false;
}

identityPicker.addEventListener('change', () => {
  rememberSettings();
  loadTab(); // a new person means a new sign-in: start the tab again
});

themePicker.addEventListener('change', () => {
  theme = asTheme(themePicker.value);
  applyTheme();
  rememberSettings();
  note('←', `themeChange ${theme}`);
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, window.location.origin);
});

// Teams reloads an app when its language changes: so does the host page, with the new locale in the context.
if (![...localePicker.options].some((option) => option.value === locale)) localePicker.add(new Option(locale, locale));
localePicker.value = locale;
localePicker.addEventListener('change', () => {
  locale = localePicker.value;
  settings.set('locale', locale);
  rememberSettings();
  loadTab();
});

reloadButton.addEventListener('click', () => {
  subEntityId = ''; // a plain reload opens the tab as its icon in Teams does, without a deep link
  loadTab();
});

// Playing Teams when someone opens a notification: the personal tab starts again with the link's context.
deepLinkForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const fromLink = subEntityIdFromDeepLink(deepLinkInput.value);
  deepLinkProblem.hidden = fromLink !== null;
  if (fromLink === null) {
    deepLinkProblem.textContent = 'That is not a Teams deep link with a context (…?context={"subEntityId":"…"}).';
    return;
  }
  subEntityId = fromLink;
  note('←', `deep link ${fromLink}`);
  if (surface.kind !== 'personal') showSurface({ kind: 'personal' });
  else loadTab();
});

surfacePicker.addEventListener('change', () => showSurface(surfaceFromKey(surfacePicker.value, savedEntityIds)));

// Teams' own Save button on a channel tab's configuration dialog: it asks the page to save.
saveSettingsButton.addEventListener('click', () => {
  note('←', 'settings.save');
  frame.contentWindow?.postMessage({ func: 'settings.save', args: [{}] }, window.location.origin);
});

async function start(): Promise<void> {
  applyTheme();
  fillSurfacePicker();
  try {
    const response = await fetch('/dev/identities');
    if (!response.ok) throw new Error(`GET /dev/identities answered ${response.status}; is dev mode on (LOS_DEV_AUTH=1)?`);
    identities = z.array(devIdentitySchema).parse(await response.json());
    if (identities.length === 0) throw new Error('No demo identities: was the store seeded?');
  } catch (error) {
    problemLine.textContent = `The host page can't sign anyone in. ${error instanceof Error ? error.message : String(error)}`;
    problemLine.hidden = false;
    identityPicker.replaceChildren(new Option('No demo people available', ''));
    return;
  }
  fillIdentityPicker();
  rememberSettings();
  loadTab();
}

void start();
