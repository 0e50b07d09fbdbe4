// The Leaderboard, Members and Circles pages' routes. Imported statically: esbuild does not load the CSS of a
// lazily loaded chunk, and the table's stylesheet must reach community-account.css.
import { CirclePage } from "../circles/CirclePage.jsx";
import { CirclesPage } from "../circles/CirclesPage.jsx";
import { Directory } from "./Directory.jsx";
import { Leaderboard } from "./Leaderboard.jsx";

export const memberRoutes = [
  { path: "community/leaderboard", element: <Leaderboard /> },
  { path: "community/members", element: <Directory /> },
  { path: "community/circles", element: <CirclesPage /> },
  { path: "community/circles/:slug", element: <CirclePage /> },
];
