"""Information for people choosing a destination: steps, rights, help, in five languages."""
