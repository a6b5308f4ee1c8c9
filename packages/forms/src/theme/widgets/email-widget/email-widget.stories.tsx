import type { Meta, StoryObj } from "@storybook/react-vite";

import { getFixtureArgs, StoryForm } from "../../../stories/story-form.tsx";
import { widgetFixtures } from "../../../testing/fixtures.ts";

const fixture = widgetFixtures.email!;

const meta = { title: "Widgets/Email address", component: StoryForm } satisfies Meta<typeof StoryForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: getFixtureArgs(fixture) };
export const WithHint: Story = { args: getFixtureArgs(fixture, "hint") };
export const WithError: Story = { args: getFixtureArgs(fixture, "error") };
export const ReadOnly: Story = { args: getFixtureArgs(fixture, "readonly") };
