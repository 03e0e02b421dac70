// <konpro-webhook-editor endpoint-id="…" api-base-url="/api" theme="auto" history="push" locale="de">: the same editor as
// mount(), driven by attributes. Richer options (getHeaders, callbacks) go in the `options` property.
import type { EmbedOptions, MountHandle } from './embed-types';

type Mount = (element: HTMLElement, options: EmbedOptions) => MountHandle;

const ELEMENT_NAME = 'konpro-webhook-editor';

export function defineEditorElement(mount: Mount) {
  if (customElements.get(ELEMENT_NAME)) return;

  class KonproWebhookEditorElement extends HTMLElement {
    static observedAttributes = ['endpoint-id', 'api-base-url', 'theme', 'history', 'locale'];
    #handle: MountHandle | null = null;
    #options: EmbedOptions = {};

    get options(): EmbedOptions {
      return this.#options;
    }

    set options(value: EmbedOptions) {
      this.#options = value;
      this.#handle?.update(this.#merged());
    }

    connectedCallback() {
      this.#handle ??= mount(this, this.#merged());
    }

    disconnectedCallback() {
      this.#handle?.unmount();
      this.#handle = null;
    }

    attributeChangedCallback() {
      this.#handle?.update(this.#merged());
    }

    #merged(): EmbedOptions {
      const attribute = (name: string) => this.getAttribute(name) ?? undefined;
      return {
        ...this.#options,
        apiBaseUrl: attribute('api-base-url') ?? this.#options.apiBaseUrl,
        endpointId: attribute('endpoint-id') ?? this.#options.endpointId,
        theme: (attribute('theme') as EmbedOptions['theme']) ?? this.#options.theme,
        history: (attribute('history') as EmbedOptions['history']) ?? this.#options.history,
        locale: attribute('locale') ?? this.#options.locale,
      };
    }
  }

  customElements.define(ELEMENT_NAME, KonproWebhookEditorElement);
}
