import { I18nProvider, Trans } from '@lingui/react';
import type { ReactElement } from 'react';
import type { Catalogue, MessageValues } from './catalogue';
import { i18n } from './i18n';

/**
 * A message with markup inside it, e.g. "Read <0>the guide</0> first": translators move the link with
 * the words around it. `components[0]` wraps the text between <0> and </0>.
 */
export function RichText<Source>({
  catalogue,
  k,
  values,
  components,
}: {
  catalogue: Catalogue<Source>;
  k: keyof Source & string;
  values?: MessageValues;
  components: Record<string, ReactElement>;
}) {
  // Its own provider, so Lingui's React part is downloaded only by a view that has markup in a sentence.
  return (
    <I18nProvider i18n={i18n}>
      <Trans id={catalogue.id(k)} values={values} components={components} />
    </I18nProvider>
  );
}
