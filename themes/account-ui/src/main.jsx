// Keycloak's Account Console, as Keycloak builds it, plus one route: Community.
import "@patternfly/patternfly/patternfly-addons.css";
import "@patternfly/react-core/dist/styles/base.css";
// The package exports no CSS entry, so its stylesheet is imported by path.
import "../node_modules/@keycloak/keycloak-account-ui/lib/keycloak-account-ui.css";

import { Header, KeycloakProvider, PageNav, routes } from "@keycloak/keycloak-account-ui";
import { getInjectedEnvironment } from "@keycloak/keycloak-ui-shared";
import { Page, Spinner } from "@patternfly/react-core";
import { StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { Outlet, RouterProvider, createBrowserRouter } from "react-router-dom";
import { CommunityPage } from "./community/CommunityPage.jsx";
import { createI18n } from "./i18n.js";
import { memberRoutes } from "./members/routes.jsx";

const environment = getInjectedEnvironment();

const Root = () => (
  <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
    <Suspense fallback={<Spinner />}>
      <Outlet />
    </Suspense>
  </Page>
);

const router = createBrowserRouter([
  {
    path: decodeURIComponent(new URL(environment.baseUrl).pathname),
    element: <Root />,
    errorElement: <p>Error</p>,
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
