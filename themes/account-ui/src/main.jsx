// Keycloak's Account Console, as Keycloak builds it, plus one route: Community.
import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
// The package exports no CSS entry, so its stylesheet is imported by path.
import "../node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css";

import { KeycloakProvider, routes } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { Page, Spinner } from "@patternfly/react-core";
import { StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { Outlet, RouterProvider, createBrowserRouter, useRouteError } from "react-router-dom";
import { CommunityPage } from "./community/CommunityPage.jsx";
import { createI18n } from "./i18n.js";
import { memberRoutes } from "./members/routes.jsx";
import { Header } from "./shell/Header.jsx";
import { PageNav } from "./shell/PageNav.jsx";
import { useCommunityName } from "./shell/useCommunityName.js";

const environment = getInjectedEnvironment();

const Root = () => {
  const communityName = useCommunityName();
  return (
    <Page header={<Header communityName={communityName} />} sidebar={<PageNav />} isManagedSidebar>
      <Suspense fallback={<Spinner />}>
        <Outlet />
      </Suspense>
    </Page>
  );
};

// A page that failed says why (in the browser's console too), rather than a bare "Error".
const RouteError = () => {
  const error = useRouteError();
  console.error(error);
  return <p role="alert">Error: {String(error?.message ?? error)}</p>;
};

const router = createBrowserRouter([
  {
    path: decodeURIComponent(new URL(environment.baseUrl).pathname),
    element: <Root />,
    errorElement: <RouteError />,
    children: [...routes, { path: "community", element: <CommunityPage /> }, ...memberRoutes],
  },
]);

createI18n(environment).then(() =>
  createRoot(document.getElementById("app")).render(
    <StrictMode>
      <KeycloakProvider environment={environment}>
        <RouterProvider router={router} />
      </KeycloakProvider>
    </StrictMode>,
  ),
);
