// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ExplorerPager } from "./explorer-pager";

afterEach(cleanup);

describe("ExplorerPager", () => {
  it("moves a page at a time within the pages there are, and changes the rows per page", () => {
    const pages: number[] = [];
    const sizes: number[] = [];
    render(
      <ExplorerPager
        page={1}
        pages={3}
        pageSize={100}
        onPage={(p) => pages.push(p)}
        onPageSize={(s) => sizes.push(s)}
      />,
    );
    expect((screen.getByRole("button", { name: "Previous" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.change(screen.getByLabelText("Rows"), { target: { value: "1000" } });
    expect(pages).toEqual([2]);
    expect(sizes).toEqual([1000]);
  });

  it("is not there when everything fits on one page", () => {
    render(<ExplorerPager page={1} pages={1} pageSize={100} onPage={() => {}} onPageSize={() => {}} />);
    expect(screen.queryByRole("navigation", { name: "Pages" })).toBeNull();
  });
});
