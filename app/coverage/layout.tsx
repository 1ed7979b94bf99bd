import type { ReactNode } from "react";
import { Providers } from "../providers";

// Query and URL-state providers only where pages use them: the home page and sign-in ship without them.
export default function CoverageLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
