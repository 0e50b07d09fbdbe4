// Calls the community REST API as the signed-in member, with the Account Console's own token.
import { useAccountAlerts, useEnvironment } from "@keycloak/keycloak-account-ui";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error_description || body?.error || `HTTP ${status}`);
    this.status = status;
    this.error = body?.error;
  }
}

export function useCommunityApi() {
  const { environment, keycloak } = useEnvironment();
  const { i18n } = useTranslation();
  return useMemo(() => {
    const base = `${environment.serverBaseUrl}/realms/${encodeURIComponent(environment.realm)}/community`;
    const send = async (method, path, body, accept = "application/json") => {
      await keycloak.updateToken(5);
      const response = await fetch(base + path, {
        method,
        headers: {
          Authorization: `Bearer ${keycloak.token}`,
          Accept: accept,
          "Accept-Language": i18n.language || "en",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        const text = await response.text();
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // not our error body: the status says enough
        }
        throw new ApiError(response.status, json);
      }
      return response;
    };
    const call = async (method, path, body) => {
      const text = await (await send(method, path, body)).text();
      return text ? JSON.parse(text) : null;
    };
    return {
      get: (path) => call("GET", path),
      post: (path, body) => call("POST", path, body ?? {}),
      put: (path, body) => call("PUT", path, body),
      remove: (path) => call("DELETE", path),
      text: async (path) => (await send("GET", path, undefined, "text/plain, */*")).text(),
    };
  }, [environment, keycloak, i18n.language]);
}

/**
 * Shows an API error as a danger alert in the member's language: our text for the error code when we
 * have one (communityError.<code>), else the server's description.
 */
export function useErrorAlert() {
  const { t } = useTranslation();
  const { addAlert } = useAccountAlerts();
  return useCallback((error) => {
    const fallback = error?.message || t("communityErrorUnknown");
    addAlert(error?.error ? t(`communityError.${error.error}`, { defaultValue: fallback }) : fallback, "danger");
  }, [t, addAlert]);
}

/** Saves text as a small file the member downloads. */
export function download(name, text, type = "text/plain") {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
