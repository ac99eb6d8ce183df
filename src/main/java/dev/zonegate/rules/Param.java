package dev.zonegate.rules;

/** One parameter of a rule type, with the default the default pack relies on. */
public record Param(String name, Object defaultValue, String description) {}
