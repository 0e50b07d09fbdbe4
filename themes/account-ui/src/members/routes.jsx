// The Leaderboard and Members pages' routes. Imported statically: esbuild does not load the CSS of a
// lazily loaded chunk, and the table's stylesheet must reach community-account.css.
import { Directory } from "./Directory.jsx";
import { Leaderboard } from "./Leaderboard.jsx";

export const memberRoutes = [
  { path: "community/leaderboard", element: <Leaderboard /> },
  { path: "community/members", element: <Directory /> },
];
