// The Account Console's texts come from the account theme's message bundles (ours add the Community keys).
import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

export function createI18n(environment) {
  const i18n = createInstance({
    fallbackLng: "en",
    lng: environment.locale,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    backend: {
      loadPath: `${environment.serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
      parse: (data) => Object.fromEntries(JSON.parse(data).map(({ key, value }) => [key, value])),
    },
  });
  i18n.use(FetchBackend).use(initReactI18next);
  return i18n.init();
}
