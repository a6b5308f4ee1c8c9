import type { Meta, StoryObj } from "@storybook/react-vite";

import { templateFixtures } from "../testing/fixtures.ts";
import { getFixtureArgs, StoryForm } from "./story-form.tsx";

const fixture = templateFixtures.conditionalReveal!;

const meta = { title: "Templates/Conditional reveal", component: StoryForm } satisfies Meta<typeof StoryForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: getFixtureArgs(fixture) };
export const Revealed: Story = { args: { ...getFixtureArgs(fixture), formData: { hasPlan: "yes" } } };
export const WithError: Story = { args: { ...getFixtureArgs(fixture, "error"), formData: { hasPlan: "yes" } } };
export const ReadOnly: Story = { args: getFixtureArgs(fixture, "readonly") };
