package io.planwise.cli;

/**
 * One {@code --name value} option of a command, as {@code planwise <command> --help} shows it.
 *
 * @param name the option without its dashes
 * @param value what the value is, e.g. {@code FILE}, {@code N}
 * @param defaultValue what an absent option means, in words or as a value; null when it is required
 *     or simply off
 * @param help one line for the planner
 */
public record Option(String name, String value, String defaultValue, String help) {

    public static Option of(String name, String value, String defaultValue, String help) {
        return new Option(name, value, defaultValue, help);
    }
}
