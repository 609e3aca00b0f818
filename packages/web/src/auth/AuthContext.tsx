// Who is signed in. The session itself is the HttpOnly cookie; this only mirrors /api/auth/me
// so the layout can show the user's name and hide menus their role cannot use.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import type { SessionUser as User } from '../api/types';

interface AuthState {
  /** undefined while the start-up probe runs, null when nobody is signed in. */
  user: User | null | undefined;
  /** The server's today (YYYY-MM-DD), known once signed in; see useServerToday. */
  today: string | undefined;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [today, setToday] = useState<string>();
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    authApi.me().then(
      (r) => {
        setUser(r.user);
        setToday(r.today);
      },
      () => setUser(null),
    );
  }, []);

  // A tab left open overnight learns the new day when the clerk comes back to it.
  useEffect(() => {
    if (!user) return;
    const refresh = () => {
      if (document.visibilityState === 'visible')
        authApi.me().then(
          (r) => setToday(r.today),
          () => {},
        );
    };
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, [user]);

  // A 401 from any call means the session ended (expired, logged out elsewhere, user disabled).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      if (location.pathname !== '/login') {
        navigate('/login', { replace: true, state: { from: location.pathname } });
      }
    });
  }, [navigate, location.pathname]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await authApi.login(username, password);
    setUser(r.user);
    setToday(r.today);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo(() => ({ user, today, login, logout }), [user, today, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages rendered inside the authenticated layout. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/**
 * The server's today (YYYY-MM-DD, China) for date fields' defaults and their "not after today"
 * limits — never the PC's clock, which may be wrong or, in a rehearsal (PAICHA_FIXED_TIME), days
 * away from the server's. Only inside the signed-in layout, where /api/auth/me has answered.
 */
export function useServerToday(): string {
  const { today } = useAuth();
  if (!today) throw new Error('useServerToday before /api/auth/me answered');
  return today;
}
