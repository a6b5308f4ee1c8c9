/** A menu item, shown only to roles that allow what it leads to ("read Case"). */
export interface NavigationItem {
  to: string;
  label: string;
  needs: string[];
  end?: boolean;
  /** Shows the user's count of open work beside the label ("My work (4)"). */
  countsWork?: boolean;
}

/** Whether a user who may do `can` ("read Letter", from `auth.me`) may see a page that needs `needs`. */
export function canSee(me: { can: readonly string[] }, needs: readonly string[]) {
  return needs.every((n) => me.can.includes(n) || me.can.includes(`${n.split(" ")[0]} all`));
}

/**
 * Where a user on the home page goes instead when their roles do not allow
 * what it needs: the first page of the menu they may see (a clerk who reads
 * only letters lands on the letters). Undefined to stay.
 */
export function redirectFromHome(
  me: { can: readonly string[] },
  navigation: readonly NavigationItem[],
  pathname: string,
): string | undefined {
  const home = navigation.find((item) => item.to === "/");
  if (pathname !== "/" || !home || canSee(me, home.needs)) return undefined;
  return navigation.find((item) => canSee(me, item.needs))?.to;
}
